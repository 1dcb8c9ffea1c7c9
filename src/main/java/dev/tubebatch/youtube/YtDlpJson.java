package dev.tubebatch.youtube;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads yt-dlp's JSON (-J) into this package's records. */
final class YtDlpJson {

    // Entries are read one by one from the middle of the listing: what follows each one is not "trailing".
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Longer than this is not a Short (YouTube's limit since October 2024). */
    private static final int SHORT_MAX_SECONDS = 180;

    private YtDlpJson() {}

    /** Reads one JSON object from yt-dlp's stdout. yt-dlp prints {@code null} when it failed. */
    static JsonNode readObject(InputStream in) {
        JsonNode json = MAPPER.readTree(in);
        if (json == null || !json.isObject()) {
            throw new IllegalStateException("yt-dlp printed no JSON object");
        }
        return json;
    }

    static VideoMetadata videoMetadata(JsonNode json) {
        Integer duration = seconds(json.path("duration"));
        return new VideoMetadata(
                text(json, "id"),
                text(json, "title"),
                firstText(json, "channel", "uploader"),
                text(json, "channel_id"),
                duration,
                date(json),
                firstText(json, "webpage_url", "original_url"),
                liveStatus(json),
                text(json, "availability"),
                languages(json.path("subtitles")),
                languages(json.path("automatic_captions")),
                text(json, "language"),
                isShort(json, duration),
                chapters(json.path("chapters"), duration),
                translations(json.path("automatic_captions")));
    }

    /**
     * The automatic caption languages that are YouTube's machine translations: yt-dlp lists them with {@code tlang=}
     * in their URLs (the original track, also listed as {@code <lang>-orig}, has none).
     */
    static Set<String> translations(JsonNode automatic) {
        Set<String> translated = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> language : automatic.properties()) {
            for (JsonNode format : language.getValue()) {
                String url = text(format, "url");
                if (url != null && TLANG.matcher(url).find()) {
                    translated.add(language.getKey());
                    break;
                }
            }
        }
        return translated;
    }

    private static final java.util.regex.Pattern TLANG = java.util.regex.Pattern.compile("[?&]tlang=");

    /**
     * yt-dlp's {@code chapters}: a list of {start_time, end_time, title}, or null. Chapters without a start are
     * dropped; a missing end is the next chapter's start (or the video's end); a missing title becomes "Chapter n".
     */
    static List<VideoMetadata.VideoChapter> chapters(JsonNode chapters, @Nullable Integer duration) {
        if (!chapters.isArray()) {
            return List.of();
        }
        List<JsonNode> nodes = new ArrayList<>();
        chapters.forEach(c -> {
            if (c.path("start_time").isNumber()) {
                nodes.add(c);
            }
        });
        List<VideoMetadata.VideoChapter> result = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode c = nodes.get(i);
            double start = Math.max(0, c.path("start_time").asDouble());
            double end = c.path("end_time").isNumber() ? c.path("end_time").asDouble()
                    : i + 1 < nodes.size() ? nodes.get(i + 1).path("start_time").asDouble()
                    : duration != null ? duration : start;
            String title = text(c, "title");
            result.add(new VideoMetadata.VideoChapter(start, Math.max(start, end),
                    title == null || title.isBlank() ? "Chapter " + (i + 1) : title.strip()));
        }
        return List.copyOf(result);
    }

    /**
     * Reads a flat listing as it streams in, handing each entry to {@code sink} as soon as it is read and keeping
     * none: only one entry is held as a tree at a time, so a channel of thousands of videos costs what the caller
     * keeps, not its JSON text. A single video (a video URL given as a playlist) becomes a one-entry listing.
     *
     * @param limit entries to hand over; 0 or less hands over all
     */
    static Playlist readPlaylist(InputStream in, int limit, Consumer<PlaylistEntry> sink) {
        try (JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("yt-dlp printed no JSON object");
            }
            ObjectNode top = MAPPER.createObjectNode();
            boolean listed = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("entries") && value == JsonToken.START_ARRAY) {
                    listed = true;
                    readEntries(parser, sink, limit);
                } else if (value.isScalarValue()) {
                    top.set(name, MAPPER.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
            if (!listed && top.hasNonNull("id")) {
                sink.accept(playlistEntry(top));
            }
            return new Playlist(text(top, "id"), text(top, "title"), firstText(top, "channel", "uploader"));
        }
    }

    private static void readEntries(JsonParser parser, Consumer<PlaylistEntry> sink, int limit) {
        JsonToken token;
        int kept = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (token != JsonToken.START_OBJECT || (limit > 0 && kept >= limit)) {
                parser.skipChildren();
                continue;
            }
            JsonNode entry = MAPPER.readTree(parser);
            // A channel's root lists its tabs (Videos, Shorts, Live) as entries: those are not videos.
            if ("YoutubeTab".equals(text(entry, "ie_key")) || "playlist".equals(text(entry, "_type"))) {
                continue;
            }
            if (text(entry, "id") != null || text(entry, "url") != null) {
                sink.accept(playlistEntry(entry));
                kept++;
            }
        }
    }

    static PlaylistEntry playlistEntry(JsonNode json) {
        String id = text(json, "id");
        String url = firstText(json, "url", "webpage_url");
        if ((url == null || !url.contains("://")) && id != null && "Youtube".equals(text(json, "ie_key"))) {
            url = "https://www.youtube.com/watch?v=" + id;
        }
        return new PlaylistEntry(id, url, text(json, "title"), seconds(json.path("duration")), date(json),
                liveStatus(json), text(json, "availability"), firstText(json, "channel", "uploader"));
    }

    static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue();
        return text.isBlank() ? null : text;
    }

    private static @Nullable String firstText(JsonNode json, String... fields) {
        for (String field : fields) {
            String text = text(json, field);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** yt-dlp gives durations as integers for YouTube, as floats in flat listings and for other sites. */
    private static @Nullable Integer seconds(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        double seconds = value.doubleValue();
        return Double.isFinite(seconds) && seconds >= 0 ? (int) Math.round(seconds) : null;
    }

    private static @Nullable LocalDate date(JsonNode json) {
        String uploadDate = text(json, "upload_date");
        if (uploadDate != null) {
            try {
                return LocalDate.parse(uploadDate, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException ignored) {
                // fall back on the timestamp
            }
        }
        JsonNode timestamp = json.path("timestamp");
        if (timestamp.isNumber()) {
            return Instant.ofEpochSecond(timestamp.longValue()).atOffset(ZoneOffset.UTC).toLocalDate();
        }
        return null;
    }

    private static LiveStatus liveStatus(JsonNode json) {
        LiveStatus status = LiveStatus.parse(text(json, "live_status"));
        if (status == LiveStatus.UNKNOWN && json.path("is_live").isBoolean()) {
            // Older yt-dlp versions and some extractors give only the booleans.
            if (json.path("is_live").booleanValue()) {
                return LiveStatus.IS_LIVE;
            }
            return json.path("was_live").booleanValue() ? LiveStatus.WAS_LIVE : LiveStatus.NOT_LIVE;
        }
        return status;
    }

    private static Map<String, List<String>> languages(JsonNode languages) {
        Map<String, List<String>> formats = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> language : languages.properties()) {
            List<String> extensions = new ArrayList<>();
            for (JsonNode format : language.getValue()) {
                String ext = text(format, "ext");
                if (ext != null && !extensions.contains(ext)) {
                    extensions.add(ext);
                }
            }
            formats.put(language.getKey(), extensions);
        }
        return formats;
    }

    /**
     * yt-dlp says {@code media_type: short} since late 2024; older versions say nothing, so a Shorts URL or a vertical
     * video of Shorts length counts too.
     */
    private static boolean isShort(JsonNode json, @Nullable Integer duration) {
        String mediaType = text(json, "media_type");
        if (mediaType != null) {
            return mediaType.toLowerCase(Locale.ROOT).equals("short");
        }
        for (String field : List.of("original_url", "webpage_url")) {
            String url = text(json, field);
            if (url != null && url.contains("/shorts/")) {
                return true;
            }
        }
        JsonNode width = json.path("width");
        JsonNode height = json.path("height");
        return duration != null && duration <= SHORT_MAX_SECONDS && width.isNumber() && height.isNumber()
                && height.doubleValue() > width.doubleValue();
    }
}
