package dev.tubebatch.youtube;

import java.util.List;

/**
 * The captions of one video in one language.
 *
 * @param language the language key as YouTube lists it ({@code en}, {@code en-US}...)
 * @param automatic true for YouTube's automatic (speech recognition) captions, false for the uploader's
 * @param cues in time order, not overlapping
 * @param translated true for YouTube's machine translation of its automatic captions (then {@code automatic} too)
 */
public record Captions(String language, boolean automatic, List<CaptionCue> cues, boolean translated) {

    public Captions {
        cues = List.copyOf(cues);
    }

    public Captions(String language, boolean automatic, List<CaptionCue> cues) {
        this(language, automatic, cues, false);
    }
}
