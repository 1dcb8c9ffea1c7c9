package dev.tubebatch.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The URL grammar: which texts name a YouTube video, playlist or channel, and the canonical form of each.
 * Everything else is rejected with a reason a user can act on. A {@code watch?v=ID&list=...} URL means the
 * video (the page a user was watching); to take the whole list, paste the playlist URL.
 */
public final class YouTubeUrls {

    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_-]{2,64}");
    private static final Pattern CHANNEL_ID = Pattern.compile("UC[A-Za-z0-9_-]{22}");
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._-]{3,100}");
    private static final Pattern LEGACY_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Set<String> HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "music.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be", "www.youtu.be");
    private static final Set<String> TABS = Set.of("videos", "shorts", "streams");
    private static final int MAX_LENGTH = 2048;

    private YouTubeUrls() {}

    /** The result of reading one text: a reference, or the reason it is not one. */
    public record Parsed(@Nullable YouTubeRef ref, @Nullable String error) {
        static Parsed ok(YouTubeRef ref) {
            return new Parsed(ref, null);
        }

        static Parsed rejected(String error) {
            return new Parsed(null, error);
        }

        public boolean isOk() {
            return ref != null;
        }
    }

    public static boolean isVideoId(@Nullable String text) {
        return text != null && VIDEO_ID.matcher(text).matches();
    }

    public static Parsed parse(String input) {
        if (input == null || input.isBlank()) {
            return Parsed.rejected("empty");
        }
        String text = input.strip();
        if (text.length() > MAX_LENGTH) {
            return Parsed.rejected("longer than " + MAX_LENGTH + " characters");
        }
        if (text.startsWith("-")) {
            return Parsed.rejected("starts with '-': not a URL");
        }
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Parsed.rejected("contains spaces or control characters: one URL per line");
        }
        if (isVideoId(text)) {
            return Parsed.ok(new YouTubeRef.Video(text));
        }
        String withScheme = text;
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            if (lower.contains(":")) {
                String scheme = lower.substring(0, lower.indexOf(':'));
                if (!scheme.contains(".") && !scheme.contains("/")) {
                    return Parsed.rejected("'" + scheme + ":' links are not accepted: use an https YouTube URL");
                }
            }
            withScheme = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            return Parsed.rejected("not a valid URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !host.contains(".")) {
            return Parsed.rejected("not a YouTube URL or video id");
        }
        if (!HOSTS.contains(host)) {
            return Parsed.rejected("not a YouTube URL (host " + host + ")");
        }
        if (uri.getPort() != -1 || uri.getUserInfo() != null) {
            return Parsed.rejected("not a YouTube URL (unexpected port or user)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        Map<String, String> query = query(uri.getRawQuery());
        if (host.endsWith("youtu.be")) {
            return video(segment(path, 0), "youtu.be link");
        }
        String[] parts = path.replaceAll("^/+|/+$", "").split("/+");
        String first = parts.length > 0 ? parts[0] : "";
        switch (first) {
            case "watch" -> {
                String v = query.get("v");
                if (v != null) {
                    return video(v, "watch URL");
                }
                if (query.containsKey("list")) {
                    return playlist(query.get("list"));
                }
                return Parsed.rejected("watch URL without a video id (v=)");
            }
            case "playlist" -> {
                return playlist(query.get("list"));
            }
            case "shorts", "live", "embed", "v", "e" -> {
                return video(parts.length > 1 ? parts[1] : "", "/" + first + "/ URL");
            }
            case "channel" -> {
                return channel("channel", parts, CHANNEL_ID, "a channel id starts with UC and has 24 characters");
            }
            case "c", "user" -> {
                return channel(first, parts, LEGACY_NAME, "not a valid channel name");
            }
            default -> {
                if (first.startsWith("@")) {
                    String[] shifted = new String[parts.length + 1];
                    shifted[0] = "@";
                    shifted[1] = decode(first.substring(1));
                    System.arraycopy(parts, 1, shifted, 2, parts.length - 1);
                    return channel("@", shifted, HANDLE, "not a valid channel handle");
                }
                return Parsed.rejected("not a video, playlist or channel URL (path " + abbreviate(path) + ")");
            }
        }
    }

    private static Parsed video(String id, String what) {
        if (!isVideoId(id)) {
            return Parsed.rejected(what + " without a valid 11-character video id");
        }
        return Parsed.ok(new YouTubeRef.Video(id));
    }

    private static Parsed playlist(@Nullable String listId) {
        if (listId == null || !LIST_ID.matcher(listId).matches()) {
            return Parsed.rejected("playlist URL without a valid list id");
        }
        return Parsed.ok(new YouTubeRef.Playlist(listId));
    }

    private static Parsed channel(String kind, String[] parts, Pattern namePattern, String nameError) {
        String name = parts.length > 1 ? parts[1] : "";
        if (!namePattern.matcher(name).matches()) {
            return Parsed.rejected(nameError);
        }
        String tab = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "videos";
        if (parts.length > 2 && !TABS.contains(tab)) {
            if (tab.equals("featured") || tab.equals("home")) {
                tab = "videos";
            } else {
                return Parsed.rejected("channel tab '" + abbreviate(parts[2]) + "' is not one of videos, shorts, streams");
            }
        }
        if (parts.length > 3) {
            return Parsed.rejected("not a channel URL: unexpected path after the tab");
        }
        return Parsed.ok(new YouTubeRef.Channel(kind, name, tab));
    }

    private static String segment(String path, int index) {
        String[] parts = path.replaceAll("^/+", "").split("/+");
        return parts.length > index ? parts[index] : "";
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(key, value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
