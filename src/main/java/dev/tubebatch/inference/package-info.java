/**
 * What every model shares, on ONNX Runtime: the {@link dev.tubebatch.inference.ModelRegistry} (each model loaded
 * once), execution providers (CUDA, else CPU), {@link dev.tubebatch.inference.InferenceSlots}, the optimum
 * encoder-decoder base and {@link dev.tubebatch.inference.TimedText}. Knows nothing of batches, nor of the
 * {@code speech} and {@code summary} packages that build on it; the pipeline calls their seams.
 */
package dev.tubebatch.inference;
