package dev.tubebatch.inference.summary;

import dev.tubebatch.format.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What LLM summaries ask, and how the answers are read. Answers are plain text (small local models keep to a
 * simple layout more reliably than to JSON): "Summary:" then the text, "Key points:" then one "- " line each.
 */
final class LlmPrompts {

    private static final Pattern KEY_POINTS = Pattern.compile("(?im)^\\s*[#*_ ]*key points?[*_ ]*:?[*_ ]*\\s*$");
    private static final Pattern SUMMARY_HEADING = Pattern.compile("(?i)^\\s*[#*_ ]*summary[*_ ]*:?[*_ ]*\\s*");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+(.+)$");

    /** A summary and its key points, as read from an answer. */
    record Parsed(String summary, List<String> keyPoints) {}

    private LlmPrompts() {}

    /** The system prompt: the role, the preset's style, the language, and the user's instruction. */
    static String system(@Nullable String preset, @Nullable String instruction, @Nullable String language) {
        StringBuilder s = new StringBuilder("You summarize transcripts of videos faithfully: no facts that the "
                + "transcript does not hold, no preamble, plain text. ");
        s.append(style(preset)).append(' ');
        s.append(language(language));
        if (instruction != null && !instruction.isBlank()) {
            s.append("\n\nThe reader also asks: ").append(instruction.strip());
        }
        return s.toString();
    }

    static String style(@Nullable String preset) {
        return switch (preset == null ? "" : preset) {
            case "brief" -> "Keep it brief: a summary of two or three sentences and at most three key points.";
            case "detailed" -> "Be thorough: a summary of several paragraphs covering every main topic, and up to "
                    + "ten key points.";
            case "study-notes" -> "Write study notes: the summary explains the main concepts with short "
                    + "definitions; the key points are the facts to remember.";
            case "action-items" -> "Focus on what the viewer should do: the summary states the goal; the key points "
                    + "are concrete action items, each starting with a verb.";
            default -> "Write a summary of one paragraph and three to seven key points.";
        };
    }

    private static String language(@Nullable String code) {
        if (code != null && code.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(code)) {
                return "Write in " + name + ", the language of the transcript.";
            }
        }
        return "Write in the language of the transcript.";
    }

    /** The whole transcript in one request: summary and key points. */
    static String whole(String title, String transcript) {
        return "Video: " + title + "\n\nTranscript:\n" + transcript + "\n\n" + LAYOUT;
    }

    /** One part (a chapter, or a piece of a long one): a short summary of it alone. */
    static String part(String title, String partTitle, double start, String text) {
        return "Video: " + title + "\nPart: " + partTitle + " (from " + Durations.timestamp(start) + ")\n\n"
                + "Transcript of this part:\n" + text + "\n\nSummarize this part in a few sentences. Answer with the "
                + "summary only.";
    }

    /** Summaries of consecutive pieces, condensed into one (a long chapter, or a reduce level). */
    static String condense(String title, String summaries) {
        return "Video: " + title + "\n\nSummaries of consecutive parts of the video, in order:\n" + summaries
                + "\n\nCombine them into one summary of a few sentences that keeps every main point. Answer with the "
                + "summary only.";
    }

    /** The final request over the parts' summaries: summary and key points of the whole video. */
    static String combine(String title, String summaries) {
        return "Video: " + title + "\n\nSummaries of the video's parts, in order:\n" + summaries + "\n\n" + LAYOUT;
    }

    private static final String LAYOUT = """
            Answer in exactly this layout:
            Summary:
            <the summary>

            Key points:
            - <a key point>
            - <another key point>""";

    /** Reads "Summary: … Key points: - …"; an answer without the headings is all summary, its bullets the points. */
    static Parsed parse(String answer) {
        String text = answer.strip();
        Matcher heading = KEY_POINTS.matcher(text);
        String summaryPart = text;
        String pointsPart = "";
        if (heading.find()) {
            summaryPart = text.substring(0, heading.start());
            pointsPart = text.substring(heading.end());
        }
        summaryPart = SUMMARY_HEADING.matcher(summaryPart.strip()).replaceFirst("").strip();
        List<String> points = new ArrayList<>();
        List<String> prose = new ArrayList<>();
        for (String line : (pointsPart.isEmpty() ? "" : pointsPart).split("\\R")) {
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                points.add(bullet.group(1).strip());
            }
        }
        if (pointsPart.isEmpty()) {
            for (String line : summaryPart.split("\\R")) {
                Matcher bullet = BULLET.matcher(line);
                if (bullet.matches()) {
                    points.add(bullet.group(1).strip());
                } else {
                    prose.add(line);
                }
            }
            summaryPart = String.join("\n", prose).strip();
        }
        return new Parsed(summaryPart, List.copyOf(points));
    }
}
