package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.SummaryFailedException;
import dev.tubebatch.inference.TimedText;
import dev.tubebatch.inference.Summarizer;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Summarizes the transcript with the video's chapters and the batch's choices. Without an installed summarizer, the
 * step is recorded as skipped and says so. A local summarizer runs in an inference slot; an LLM keeps its own limit.
 */
@Component
class SummarizeStep extends PipelineStep {

    static final String NO_SUMMARIZER = "no summarizer is configured (tubebatch.inference.summary.method=none)";

    static final String OFF_FOR_BATCH = "summaries are off for this batch";

    private final TranscriptStore transcripts;
    private final BatchQueries batches;
    private final ObjectProvider<Summarizer> summarizer;
    private final InferenceTurns turns;
    private final LlmProperties llm;
    private final ItemTracker tracker;

    SummarizeStep(TranscriptStore transcripts, BatchQueries batches, ObjectProvider<Summarizer> summarizer,
            InferenceTurns turns, LlmProperties llm, ItemTracker tracker) {
        super(Step.SUMMARIZE);
        this.transcripts = transcripts;
        this.batches = batches;
        this.summarizer = summarizer;
        this.turns = turns;
        this.llm = llm;
        this.tracker = tracker;
    }

    @Override
    StepResult run(ItemContext context) {
        BatchOptions options = batches.options(context.batch.id());
        if (!options.summaries()) {
            return StepResult.skipped(OFF_FOR_BATCH);
        }
        Summarizer engine = summarizer.getIfAvailable();
        if (engine == null) {
            return StepResult.skipped(NO_SUMMARIZER);
        }
        Transcript transcript = transcripts.find(context.item.id())
                .orElseThrow(() -> new PipelineException(ErrorKind.UNKNOWN, "No transcript to summarize"));
        List<TimedText> timed = transcript.segments().stream()
                .map(s -> new TimedText(s.start(), s.end(), s.text())).toList();
        List<Summarizer.Chapter> chapters = transcripts.chapters(context.item.id()).stream()
                .map(c -> new Summarizer.Chapter(c.start(), c.end(), c.title())).toList();
        Summarizer.Request request = new Summarizer.Request(context.item.displayTitle(), timed, chapters,
                options.summarySentences(), options.summaryPreset(), options.summaryInstruction(),
                transcript.language());
        Summarizer.Result result;
        StepProgress progress = new StepProgress(tracker, context.item); // an LLM's map and reduce stages
        try {
            result = engine.local() ? turns.run(context.item, "summarizing " + context.item.videoId(),
                    () -> engine.summarize(request, progress)) : engine.summarize(request, progress);
        } catch (SummaryFailedException e) {
            // Only this step is tried again: the transcript is stored and its steps are recorded.
            throw new PipelineException(e.retryable() ? ErrorKind.LLM_UNAVAILABLE : ErrorKind.LLM_REFUSED,
                    e.getMessage(), null, e);
        }
        transcripts.save(new Summary(context.item.id(), result.method(), result.text(), result.keyPoints(),
                result.sections().stream().map(s -> new ChapterSummary(s.start(), s.title(), s.text())).toList(),
                result.note(), usage(result.usage())));
        if (result.note() != null) {
            return StepResult.done(result.method() + ": " + result.note());
        }
        return StepResult.done(result.method());
    }

    private Summary.@Nullable Usage usage(Summarizer.@Nullable Usage usage) {
        return usage == null ? null : new Summary.Usage(usage.calls(), usage.tokensIn(), usage.tokensOut(),
                usage.millis(), llm.cost(usage.tokensIn(), usage.tokensOut()));
    }
}
