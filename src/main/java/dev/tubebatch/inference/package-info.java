/**
 * Speech to text and summaries. The pipeline asks for a {@link dev.tubebatch.inference.SpeechToText} and a
 * {@link dev.tubebatch.inference.Summarizer}; where none is installed, the steps that need them say so.
 */
package dev.tubebatch.inference;
