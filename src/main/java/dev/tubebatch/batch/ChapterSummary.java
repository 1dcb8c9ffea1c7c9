package dev.tubebatch.batch;

import java.util.Locale;
import java.util.regex.Pattern;

/** The summary of one chapter (or, for a video without chapters, one part) and where it starts, in seconds. */
public record ChapterSummary(double start, String title, String text) {

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** {@code https://youtu.be/<id>?t=<whole seconds>}: the video at this chapter's start. */
    public String link(String videoId) {
        return String.format(Locale.ROOT, "%s?t=%d", videoLink(videoId), (long) Math.floor(start));
    }

    /** {@code https://youtu.be/<id>}; an id that is not one (a non-YouTube item) is refused. */
    public static String videoLink(String videoId) {
        if (!VIDEO_ID.matcher(videoId).matches()) {
            throw new IllegalArgumentException("not a video id: " + videoId);
        }
        return "https://youtu.be/" + videoId;
    }
}
