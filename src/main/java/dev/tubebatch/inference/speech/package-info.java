/**
 * Speech to text behind the {@link dev.tubebatch.inference.SpeechToText} seam: the bundled Moonshine tiny
 * (English) or a configured Whisper, on 16 kHz audio cut at its silences.
 */
package dev.tubebatch.inference.speech;
