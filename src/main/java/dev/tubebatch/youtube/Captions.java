package dev.tubebatch.youtube;

import java.util.List;

/**
 * The captions of one video in one language.
 *
 * @param language the language key as YouTube lists it ({@code en}, {@code en-US}...)
 * @param automatic true for YouTube's automatic (speech recognition) captions, false for the uploader's
 * @param cues in time order, not overlapping
 */
public record Captions(String language, boolean automatic, List<CaptionCue> cues) {

    public Captions {
        cues = List.copyOf(cues);
    }
}
