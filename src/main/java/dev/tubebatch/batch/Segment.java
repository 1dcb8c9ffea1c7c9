package dev.tubebatch.batch;

/** A timed piece of a transcript, in seconds from the start of the video. */
public record Segment(double start, double end, String text) {

    public Segment {
        if (!(start >= 0) || !(end >= start)) {
            throw new IllegalArgumentException("segment times must satisfy 0 <= start <= end: " + start + ", " + end);
        }
        text = text == null ? "" : text;
    }
}
