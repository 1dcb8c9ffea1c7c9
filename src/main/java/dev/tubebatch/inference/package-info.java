/**
 * What every model shares, on ONNX Runtime: the {@link dev.tubebatch.inference.ModelRegistry} (each model loaded
 * once), execution providers (CUDA, else CPU), {@link dev.tubebatch.inference.InferenceSlots}, the optimum
 * encoder-decoder base and {@link dev.tubebatch.inference.TimedText}; and the two seams the pipeline calls,
 * {@link dev.tubebatch.inference.SpeechToText} and {@link dev.tubebatch.inference.Summarizer}, which the
 * {@code speech} and {@code summary} packages implement. Knows nothing of batches, nor of those two packages.
 */
@NullMarked
package dev.tubebatch.inference;

import org.jspecify.annotations.NullMarked;
