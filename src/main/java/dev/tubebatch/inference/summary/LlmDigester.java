package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Digester;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A batch's digest by an LLM, hierarchical within the context length: the videos' summaries (each cut to a few
 * hundred words) go in groups that fit one request and whose lines fit one answer; each group gives its themes and a
 * line per video; the groups' themes are then combined, condensed level by level when they do not fit.
 */
final class LlmDigester implements Digester {

    private static final int PROMPT_RESERVE = 200;
    private static final int SUMMARY_CHARS = 1200;
    /** The answer's room per video line, in tokens. */
    private static final int LINE_TOKENS = 40;
    private static final int MAX_LEVELS = 8;
    private static final String SYSTEM = "You write digests of batches of videos from their summaries: faithful, "
            + "brief, plain text, in the language most of the summaries use, no preamble.";
    private static final Pattern THEMES = Pattern.compile("(?im)^\\s*[#*_ ]*themes?[*_ ]*:?[*_ ]*\\s*$");
    private static final Pattern VIDEOS = Pattern.compile("(?im)^\\s*[#*_ ]*videos?[*_ ]*:?[*_ ]*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•]|\\d+[.)])\\s+(.+)$");
    private static final Pattern LINE = Pattern.compile("^\\s*[-*]?\\s*\\[(\\d+)]\\s*[:.-]?\\s*(.+)$");

    private final LanguageModel model;
    private final int budget;
    private final int maxOutputTokens;
    private final int perGroup;

    LlmDigester(LanguageModel model, int contextTokens, int maxOutputTokens) {
        this.model = model;
        this.maxOutputTokens = maxOutputTokens;
        this.budget = contextTokens - maxOutputTokens - Sections.tokens(SYSTEM) - PROMPT_RESERVE;
        this.perGroup = Math.max(1, (maxOutputTokens - 120) / LINE_TOKENS);
    }

    @Override
    public Digest digest(String batchName, List<Entry> entries) {
        Summarizer.Usage usage = Summarizer.Usage.NONE;
        List<String> themeLists = new ArrayList<>();
        Map<Integer, String> lines = new HashMap<>();
        for (List<Entry> group : groups(entries)) {
            StringBuilder blocks = new StringBuilder();
            for (Entry e : group) {
                blocks.append('[').append(e.position()).append("] ").append(e.title()).append(": ")
                        .append(clip(e.summary())).append("\n\n");
            }
            LanguageModel.Reply reply = model.ask(SYSTEM, "Batch: " + batchName + "\n\nSummaries of its videos, each "
                    + "after its number:\n\n" + blocks + GROUP_LAYOUT, maxOutputTokens);
            usage = usage.plus(reply.usage());
            themeLists.add(asList(bullets(section(reply.text(), THEMES, VIDEOS))));
            for (String line : section(reply.text(), VIDEOS, THEMES).split("\\R")) {
                Matcher m = LINE.matcher(line);
                if (m.matches()) {
                    lines.put(Integer.parseInt(m.group(1)), m.group(2).strip());
                }
            }
        }
        List<String> themes = themeLists.size() == 1 ? bullets(themeLists.getFirst()) : List.of();
        if (themeLists.size() > 1) {
            List<String> level = themeLists;
            for (int depth = 0; ; depth++) {
                List<String> grouped = Sections.groups(level, budget);
                List<String> combined = new ArrayList<>(grouped.size());
                for (String part : grouped) {
                    LanguageModel.Reply reply = model.ask(SYSTEM, "Batch: " + batchName + "\n\nThemes found in "
                            + "parts of the batch:\n" + part + "\n\n" + COMBINE_LAYOUT, maxOutputTokens);
                    usage = usage.plus(reply.usage());
                    combined.add(asList(bullets(section(reply.text(), THEMES, VIDEOS))));
                }
                if (combined.size() == 1) {
                    themes = bullets(combined.getFirst());
                    break;
                }
                if (depth == MAX_LEVELS) {
                    throw new SummaryFailedException("The digest's themes did not fit the context length", false);
                }
                level = combined;
            }
        }
        return new Digest("llm:" + model.model(), themes, lines, usage);
    }

    private static final String GROUP_LAYOUT = """
            Answer in exactly this layout:
            Themes:
            - <a theme several of these videos share>

            Videos:
            [<number>] <one line saying what that video is about>
            (one line for every video above, with its number)""";

    private static final String COMBINE_LAYOUT = """
            Combine them into the common themes of the whole batch, at most seven, the most shared first.
            Answer in exactly this layout:
            Themes:
            - <a theme>""";

    /** Entries in order, in groups that fit one request and whose lines fit one answer. */
    private List<List<Entry>> groups(List<Entry> entries) {
        return Groups.consecutive(entries, e -> Sections.tokens(e.title() + clip(e.summary())) + 8, budget, perGroup);
    }

    /** Themes as the "- " lines the prompts show and {@link #bullets} reads back. */
    private static String asList(List<String> themes) {
        return String.join("\n", themes.stream().map(t -> "- " + t).toList());
    }

    private static String clip(String summary) {
        String text = summary.replaceAll("\\s+", " ").strip();
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "…";
    }

    /** The text after the {@code start} heading up to the {@code end} heading (or all of it, without headings). */
    private static String section(String answer, Pattern start, Pattern end) {
        Matcher s = start.matcher(answer);
        if (!s.find()) {
            return answer;
        }
        String rest = answer.substring(s.end());
        Matcher e = end.matcher(rest);
        return e.find() ? rest.substring(0, e.start()) : rest;
    }

    private static List<String> bullets(String text) {
        List<String> points = new ArrayList<>();
        for (String line : text.split("\\R")) {
            Matcher m = BULLET.matcher(line);
            if (m.matches() && !LINE.matcher(line).matches()) {
                points.add(m.group(1).strip());
            }
        }
        return points;
    }
}
