package dev.tubebatch.youtube;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns caption files as yt-dlp writes them (WebVTT, SubRip, YouTube's json3) into plain, timed lines.
 *
 * <p>Every parser returns cues in time order with no overlap: YouTube's automatic captions keep a line on screen
 * while the next one is spoken, which would otherwise show up as text said twice at once.
 */
public final class CaptionParsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String TIME = "((?:\\d+:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,3})?)";
    private static final Pattern TIMING = Pattern.compile("^\\s*" + TIME + "\\s*-->\\s*" + TIME);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Map<String, String> ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "lrm", "", "rlm", "");

    /** Cues at most this far apart (seconds) belong to one rolling display, where repeated lines are not new speech. */
    private static final double ROLLING_GAP = 1.0;

    private CaptionParsers() {}

    /**
     * Parses WebVTT, and SubRip too (numbered cues, commas in times). Markup and cue settings are dropped, entities
     * decoded, the lines of a cue joined with spaces. A line that repeats a line of the cue just before is dropped:
     * YouTube's automatic captions roll, each cue showing the previous line again above the new one.
     */
    public static List<CaptionCue> parseVtt(String text) {
        List<CaptionCue> cues = new ArrayList<>();
        if (text == null) {
            return cues;
        }
        List<String> previousLines = List.of();
        double previousEnd = Double.NEGATIVE_INFINITY;
        double start = 0;
        double end = 0;
        List<String> payload = null;
        boolean skippingBlock = false;
        for (String line : lines(text)) {
            Matcher timing = TIMING.matcher(line);
            if (timing.find()) {
                if (payload != null) {
                    previousLines = addCue(cues, start, end, payload, previousLines, start - previousEnd <= ROLLING_GAP);
                    previousEnd = end;
                }
                start = seconds(timing.group(1));
                end = Math.max(start, seconds(timing.group(2)));
                payload = new ArrayList<>();
                skippingBlock = false;
            } else if (line.isEmpty()) {
                // Only a truly empty line ends a cue: YouTube's automatic captions hold lines of a single space.
                if (payload != null) {
                    previousLines = addCue(cues, start, end, payload, previousLines, start - previousEnd <= ROLLING_GAP);
                    previousEnd = end;
                    payload = null;
                }
                skippingBlock = false;
            } else if (payload != null) {
                payload.add(line);
            } else if (!skippingBlock && isHeaderOrBlock(line)) {
                skippingBlock = true;
            }
            // Anything else outside a cue is a cue identifier, or part of a skipped header, NOTE, STYLE or REGION block.
        }
        if (payload != null) {
            addCue(cues, start, end, payload, previousLines, start - previousEnd <= ROLLING_GAP);
        }
        return tidy(cues);
    }

    /**
     * Parses YouTube's json3: {@code events[]} with {@code tStartMs}, {@code dDurationMs} and {@code segs[].utf8}.
     * Events without text (window definitions, the line breaks of automatic captions) are skipped.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static List<CaptionCue> parseJson3(String text) {
        List<CaptionCue> cues = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return cues;
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not json3 captions: " + e.getOriginalMessage(), e);
        }
        for (JsonNode event : root.path("events")) {
            JsonNode segs = event.path("segs");
            if (!segs.isArray()) {
                continue;
            }
            StringBuilder words = new StringBuilder();
            for (JsonNode seg : segs) {
                JsonNode utf8 = seg.path("utf8");
                if (utf8.isString()) {
                    words.append(utf8.stringValue());
                }
            }
            // json3 is plain text: '<' and '&' are meant literally, unlike in WebVTT.
            String line = SPACES.matcher(words).replaceAll(" ").strip();
            if (line.isEmpty()) {
                continue;
            }
            double start = Math.max(0, millis(event.path("tStartMs")) / 1000.0);
            double end = start + Math.max(0, millis(event.path("dDurationMs")) / 1000.0);
            cues.add(new CaptionCue(start, end, line));
        }
        return tidy(cues);
    }

    /** Plain text of one WebVTT line: tags removed, entities decoded, whitespace collapsed. */
    static String clean(String markup) {
        String withoutTags = TAG.matcher(markup).replaceAll("");
        return SPACES.matcher(decodeEntities(withoutTags)).replaceAll(" ").strip();
    }

    static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher entity = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(Integer.parseInt(name.substring(2), 16), entity.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(Integer.parseInt(name.substring(1)), entity.group());
            } else {
                replacement = ENTITIES.getOrDefault(name, entity.group());
            }
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int value, String original) {
        if (value == 0xA0) {
            return " ";
        }
        return Character.isValidCodePoint(value) && value != 0 ? Character.toString(value) : original;
    }

    /** Adds the cue's new lines, returns its lines for the next cue's comparison. */
    private static List<String> addCue(List<CaptionCue> cues, double start, double end, List<String> payload,
            List<String> previousLines, boolean rolling) {
        List<String> lines = payload.stream().map(CaptionParsers::clean).filter(line -> !line.isEmpty()).toList();
        List<String> fresh = rolling ? lines.stream().filter(line -> !previousLines.contains(line)).toList() : lines;
        if (fresh.isEmpty()) {
            if (!lines.isEmpty() && !cues.isEmpty()) {
                // Only repeats: the last line stays on screen longer.
                CaptionCue last = cues.getLast();
                cues.set(cues.size() - 1, new CaptionCue(last.start(), Math.max(last.end(), end), last.text()));
            }
            return lines.isEmpty() ? previousLines : lines;
        }
        cues.add(new CaptionCue(start, end, String.join(" ", fresh)));
        return lines;
    }

    private static boolean isHeaderOrBlock(String line) {
        return line.startsWith("WEBVTT") || line.equals("NOTE") || line.startsWith("NOTE ") || line.startsWith("NOTE\t")
                || line.equals("STYLE") || line.startsWith("STYLE ") || line.equals("REGION") || line.startsWith("REGION ");
    }

    private static List<String> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.lines().toList();
    }

    private static double seconds(String time) {
        String[] parts = time.replace(',', '.').split(":");
        double seconds = Double.parseDouble(parts[parts.length - 1]);
        double minutes = Double.parseDouble(parts[parts.length - 2]);
        double hours = parts.length > 2 ? Double.parseDouble(parts[0]) : 0;
        return hours * 3600 + minutes * 60 + seconds;
    }

    private static double millis(JsonNode value) {
        return value.isNumber() ? value.doubleValue() : 0;
    }

    /** Sorts by start and ends each cue no later than the next one starts. */
    static List<CaptionCue> tidy(List<CaptionCue> cues) {
        List<CaptionCue> sorted = new ArrayList<>(cues);
        sorted.sort(Comparator.comparingDouble(CaptionCue::start));
        for (int i = 0; i + 1 < sorted.size(); i++) {
            CaptionCue cue = sorted.get(i);
            double nextStart = sorted.get(i + 1).start();
            if (nextStart > cue.start() && cue.end() > nextStart) {
                sorted.set(i, new CaptionCue(cue.start(), nextStart, cue.text()));
            }
        }
        return List.copyOf(sorted);
    }
}
