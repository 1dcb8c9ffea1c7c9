/**
 * Speech to text behind the {@link dev.tubebatch.inference.SpeechToText} seam: the bundled Moonshine tiny
 * (English) or a configured Whisper, on 16 kHz audio read from disk a window at a time and cut at its silences.
 */
@NullMarked
package dev.tubebatch.inference.speech;

import org.jspecify.annotations.NullMarked;
