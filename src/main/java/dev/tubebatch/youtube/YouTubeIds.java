package dev.tubebatch.youtube;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The video id in a watch, short, live or embed URL, for records of which video met a block. */
final class YouTubeIds {

    private static final Pattern ID = Pattern.compile("(?:[?&]v=|youtu\\.be/|/shorts/|/live/|/embed/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])");

    private YouTubeIds() {}

    static @Nullable String videoId(String url) {
        var matcher = ID.matcher(url);
        return matcher.find() ? matcher.group(1) : null;
    }
}
