package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a timed transcript into sentences, each with the time of the segment it starts in. Captions often come
 * without punctuation: a run of more than {@value #MAX_WORDS} words is cut into pieces of {@value #PIECE_WORDS}.
 */
final class Sentences {

    record Sentence(String text, double start) {}

    static final int MAX_WORDS = 40;
    static final int PIECE_WORDS = 25;
    /** An end of sentence: . ! ? (and closing quotes) before a space, unless the word is a common abbreviation. */
    private static final Pattern END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s)");
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?i)(?:^|\\s)(mr|mrs|ms|dr|prof|st|vs|etc|e\\.g|i\\.e|no|approx|inc|ltd|jr|sr)\\.$");

    private Sentences() {}

    static List<Sentence> split(List<TimedText> segments) {
        StringBuilder text = new StringBuilder();
        List<double[]> starts = new ArrayList<>(); // [char offset, seconds]
        for (TimedText segment : segments) {
            String piece = segment.text().strip().replaceAll("\\s+", " ");
            if (piece.isEmpty()) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            starts.add(new double[] {text.length(), segment.start()});
            text.append(piece);
        }
        List<Sentence> out = new ArrayList<>();
        String all = text.toString();
        Matcher end = END.matcher(all);
        int from = 0;
        while (end.find()) {
            if (ABBREVIATION.matcher(all.substring(Math.max(from, end.start() - 8), end.end())).find()) {
                continue;
            }
            add(all, from, end.end(), starts, out);
            from = end.end();
        }
        add(all, from, all.length(), starts, out);
        return out;
    }

    private static void add(String all, int from, int to, List<double[]> starts, List<Sentence> out) {
        while (from < to && Character.isWhitespace(all.charAt(from))) {
            from++;
        }
        if (from >= to) {
            return;
        }
        String[] words = all.substring(from, to).strip().split(" ");
        if (words.length <= MAX_WORDS) {
            out.add(new Sentence(String.join(" ", words), startAt(starts, from)));
            return;
        }
        int offset = from;
        for (int w = 0; w < words.length; w += PIECE_WORDS) {
            String piece = String.join(" ", java.util.Arrays.copyOfRange(words, w, Math.min(words.length,
                    w + PIECE_WORDS)));
            out.add(new Sentence(piece, startAt(starts, offset)));
            offset += piece.length() + 1;
        }
    }

    private static double startAt(List<double[]> starts, int offset) {
        double time = 0;
        for (double[] start : starts) { // few segments per call site; a binary search is not worth it here
            if (start[0] > offset) {
                break;
            }
            time = start[1];
        }
        return time;
    }
}
