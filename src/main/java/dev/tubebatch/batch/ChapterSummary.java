package dev.tubebatch.batch;

import java.util.Locale;
import java.util.regex.Pattern;

/** The summary of one chapter (or, for a video without chapters, one part) and where it starts, in seconds. */
public record ChapterSummary(double start, String title, String text) {

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@code https://youtu.be/<id>?t=<whole seconds>}: the video at this chapter's start. */
    public String link(String videoId) {
        if (!VIDEO_ID.matcher(videoId).matches()) {
            throw new IllegalArgumentException("not a video id: " + videoId);
        }
        return String.format(Locale.ROOT, "https://youtu.be/%s?t=%d", videoId, (long) Math.floor(start));
    }
}
