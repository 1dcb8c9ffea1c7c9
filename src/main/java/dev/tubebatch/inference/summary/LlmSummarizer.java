package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.InferenceSlots;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Summaries by an LLM, map-reduce within the context length: a transcript that fits is summarized in one call;
 * otherwise each chapter (or, without chapters, each part that fits) is summarized on its own (a chapter too long
 * for one call is summarized piece by piece and condensed), then the parts' summaries are combined, condensed level
 * by level first when even they do not fit. Every chapter or part keeps its summary and its start. When the LLM
 * fails after its retries, the fallback (the extractive summary) is made instead and the result says why.
 */
final class LlmSummarizer implements Summarizer {

    /** Room for the prompts' own words around the text. */
    private static final int PROMPT_RESERVE = 200;
    /** Reduce levels at most (each divides the text several times); a guard, not a limit met in practice. */
    private static final int MAX_LEVELS = 8;

    /** The share of a long transcript's progress that its map calls (one per part) take; the reduce calls take the rest. */
    static final double MAP_SHARE = 0.8;

    private final LanguageModel model;
    private final int contextTokens;
    private final int maxOutputTokens;
    private final @Nullable Summarizer fallback;
    private final @Nullable InferenceSlots slots;

    LlmSummarizer(LanguageModel model, int contextTokens, int maxOutputTokens, @Nullable Summarizer fallback,
            @Nullable InferenceSlots slots) {
        this.model = model;
        this.contextTokens = contextTokens;
        this.maxOutputTokens = maxOutputTokens;
        this.fallback = fallback;
        this.slots = slots;
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public Result summarize(String title, String text) {
        return summarize(new Request(title, List.of(new TimedText(0, 0, text)), List.of(), null, null, null, null));
    }

    @Override
    public Result summarize(String title, List<TimedText> segments) {
        return summarize(new Request(title, segments, List.of(), null, null, null, null));
    }

    @Override
    public Result summarize(Request request) {
        return summarize(request, fraction -> {});
    }

    /** Progress: the map calls (one per part) take the first {@link #MAP_SHARE}, the reduce calls the rest. */
    @Override
    public Result summarize(Request request, java.util.function.DoubleConsumer progress) {
        Run run = null;
        try {
            run = new Run(request, progress);
            return run.summarize();
        } catch (SummaryFailedException e) {
            if (fallback == null) {
                throw e;
            }
            Summarizer backup = fallback;
            Result made = slots == null ? backup.summarize(request)
                    : slots.run("summarizing (fallback) " + request.title(), () -> backup.summarize(request));
            return new Result(made.method(), made.text(), made.keyPoints(), made.sections(),
                    "The LLM failed (" + e.getMessage() + "); the " + made.method() + " summary was made instead.",
                    run == null || run.usage.calls() == 0 ? null : run.usage);
        }
    }

    String method() {
        return "llm:" + model.model();
    }

    /** One video's summary: its requests share the system prompt and add up their usage. */
    private final class Run {

        private final Request request;
        private final java.util.function.DoubleConsumer progress;
        private final String system;
        private final int budget;
        Usage usage = Usage.NONE;

        Run(Request request, java.util.function.DoubleConsumer progress) {
            this.request = request;
            this.progress = progress;
            this.system = LlmPrompts.system(request.preset(), request.instruction(), request.language());
            this.budget = contextTokens - maxOutputTokens - Sections.tokens(system) - PROMPT_RESERVE;
            if (budget < 100) {
                throw new SummaryFailedException("tubebatch.llm.context-tokens (" + contextTokens + ") leaves no room "
                        + "for the transcript beside the answer and the instruction", false);
            }
        }

        Result summarize() {
            List<TimedText> segments = request.segments();
            String whole = String.join(" ", segments.stream().map(s -> s.text().strip()).toList()).strip();
            if (request.chapters().isEmpty() && Sections.tokens(whole) <= budget) {
                LlmPrompts.Parsed parsed = LlmPrompts.parse(ask(LlmPrompts.whole(request.title(), whole)));
                progress.accept(1);
                return result(parsed, List.of());
            }
            List<Sections.Part> parts = request.chapters().isEmpty()
                    ? Sections.byBudget(segments, budget, "Part ")
                    : Sections.byChapters(segments, request.chapters());
            List<Section> sections = new ArrayList<>(parts.size());
            for (Sections.Part part : parts) {
                sections.add(new Section(part.start(), part.title(), summarizePart(part)));
                progress.accept(MAP_SHARE * sections.size() / parts.size());
            }
            List<String> lines = sections.stream()
                    .map(s -> "[" + dev.tubebatch.format.Durations.timestamp(s.start()) + "] " + s.title() + ": "
                            + s.text())
                    .toList();
            String joined = reduce(lines);
            progress.accept(MAP_SHARE + (1 - MAP_SHARE) / 2);
            Result result = result(LlmPrompts.parse(ask(LlmPrompts.combine(request.title(), joined))), sections);
            progress.accept(1);
            return result;
        }

        private String summarizePart(Sections.Part part) {
            if (part.text().isBlank()) {
                return "(No speech in this part.)";
            }
            if (Sections.tokens(part.text()) <= budget) {
                return ask(LlmPrompts.part(request.title(), part.title(), part.start(), part.text())).strip();
            }
            List<String> pieces = new ArrayList<>();
            for (Sections.Part piece : Sections.byBudget(List.of(new TimedText(part.start(), part.end(),
                    part.text())), budget, part.title() + ", piece ")) {
                pieces.add(ask(LlmPrompts.part(request.title(), piece.title(), part.start(), piece.text())).strip());
            }
            List<String> level = reduceToOneGroup(pieces);
            return ask(LlmPrompts.condense(request.title(), level.getFirst())).strip();
        }

        /** The texts joined, after condensing groups of them level by level until they fit one request. */
        private String reduce(List<String> texts) {
            return reduceToOneGroup(texts).getFirst();
        }

        private List<String> reduceToOneGroup(List<String> texts) {
            List<String> groups = Sections.groups(texts, budget);
            for (int level = 0; groups.size() > 1; level++) {
                if (level == MAX_LEVELS) {
                    throw new SummaryFailedException("The summaries did not fit tubebatch.llm.context-tokens after "
                            + MAX_LEVELS + " levels", false);
                }
                List<String> condensed = new ArrayList<>(groups.size());
                for (String group : groups) {
                    condensed.add(ask(LlmPrompts.condense(request.title(), group)).strip());
                }
                groups = Sections.groups(condensed, budget);
            }
            return groups.isEmpty() ? List.of("") : groups;
        }

        private String ask(String user) {
            LanguageModel.Reply reply = model.ask(system, user, maxOutputTokens);
            usage = usage.plus(reply.usage());
            return reply.text();
        }

        private Result result(LlmPrompts.Parsed parsed, List<Section> sections) {
            if (parsed.summary().isBlank()) {
                throw new SummaryFailedException("The LLM answered with an empty summary", true);
            }
            return new Result(method(), parsed.summary(), parsed.keyPoints(), sections, null, usage);
        }
    }
}
