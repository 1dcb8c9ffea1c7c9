package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;

/**
 * How a transcript is cut for an LLM whose context holds {@code budget} tokens of text: by the video's chapters when
 * it has them, else into consecutive parts that each fit. Token counts are estimated at four characters a token
 * (servers do not share their tokenizers), which overestimates most languages' text a little.
 */
final class Sections {

    /** A run of transcript: where it starts and ends, its title (a chapter's, or "Part n") and its words. */
    record Part(double start, double end, String title, String text) {}

    private Sections() {}

    static int tokens(String text) {
        return (text.length() + 3) / 4;
    }

    /** One part per chapter, each holding the segments that start inside it (a chapter without speech: ""). */
    static List<Part> byChapters(List<TimedText> segments, List<Summarizer.Chapter> chapters) {
        List<Part> parts = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            Summarizer.Chapter chapter = chapters.get(i);
            boolean last = i == chapters.size() - 1;
            boolean first = i == 0;
            StringBuilder text = new StringBuilder();
            for (TimedText segment : segments) {
                boolean after = first || segment.start() >= chapter.start();
                boolean before = last || segment.start() < chapter.end();
                if (after && before) {
                    append(text, segment.text());
                }
            }
            parts.add(new Part(chapter.start(), chapter.end(), chapter.title(), text.toString()));
        }
        return parts;
    }

    /** Consecutive parts of at most {@code budget} tokens, cut between segments (a longer segment is cut alone). */
    static List<Part> byBudget(List<TimedText> segments, int budget, String titlePrefix) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double start = segments.isEmpty() ? 0 : segments.getFirst().start();
        double end = start;
        for (TimedText segment : segments) {
            for (String piece : cut(segment.text().strip(), budget)) {
                if (!text.isEmpty() && tokens(text + " " + piece) > budget) {
                    parts.add(new Part(start, end, titlePrefix + (parts.size() + 1), text.toString()));
                    text.setLength(0);
                    start = segment.start();
                }
                append(text, piece);
                end = segment.end();
            }
        }
        if (!text.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(start, end, titlePrefix + (parts.size() + 1), text.toString()));
        }
        return parts;
    }

    /** Texts joined in order into groups of at most {@code budget} tokens each (a longer text is a group alone). */
    static List<String> groups(List<String> texts, int budget) {
        // In characters: a group of texts joined by "\n\n" is over the budget when its estimate, (chars + 3) / 4,
        // is; each text counts with the separator that joins it.
        return Groups.consecutive(texts, text -> text.length() + 2, budget * 4 + 2, Integer.MAX_VALUE).stream()
                .map(group -> String.join("\n\n", group)).toList();
    }

    private static List<String> cut(String text, int budget) {
        int maxChars = Math.max(1, budget * 4);
        if (text.length() <= maxChars) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += maxChars) {
            pieces.add(text.substring(i, Math.min(text.length(), i + maxChars)));
        }
        return pieces;
    }

    private static void append(StringBuilder text, String words) {
        String stripped = words.strip();
        if (stripped.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(stripped);
    }
}
