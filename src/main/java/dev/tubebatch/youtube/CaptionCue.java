package dev.tubebatch.youtube;

/**
 * One caption line on screen.
 *
 * @param start seconds from the start of the video
 * @param end seconds from the start of the video, never before {@code start}
 * @param text plain text: no markup, entities decoded, one line
 */
public record CaptionCue(double start, double end, String text) {

    public CaptionCue {
        // The parsers guarantee this, so a transcript built from cues never has to repair times.
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("cue times must satisfy 0 <= start <= end: " + start + ", " + end);
        }
        text = text == null ? "" : text;
    }
}
