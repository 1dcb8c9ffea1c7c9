/**
 * Summaries of timed text behind the {@link dev.tubebatch.inference.Summarizer} seam: extractive on the
 * bundled MiniLM embeddings, or abstractive with a configured BART/T5 model. Independent of speech to text.
 */
package dev.tubebatch.inference.summary;
