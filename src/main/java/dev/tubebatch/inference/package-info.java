/**
 * Speech to text and summaries on ONNX Runtime: the bundled Moonshine tiny (English) and MiniLM extractive summaries,
 * the {@link dev.tubebatch.inference.ModelRegistry} (each model loaded once), execution providers (CUDA, else CPU),
 * and {@link dev.tubebatch.inference.InferenceSlots}. Knows nothing of batches: the pipeline calls the seams
 * {@link dev.tubebatch.inference.SpeechToText} and {@link dev.tubebatch.inference.Summarizer}.
 */
@NullMarked
package dev.tubebatch.inference;

import org.jspecify.annotations.NullMarked;
