package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.inference.InferenceSlots;
import dev.tubebatch.inference.TimedText;
import dev.tubebatch.inference.Summarizer;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Summarizes the transcript. Without an installed summarizer, the step is recorded as skipped and says so. */
@Component
class SummarizeStep extends PipelineStep {

    static final String NO_SUMMARIZER = "no summarizer is configured (tubebatch.inference.summary.method=none)";

    static final String OFF_FOR_BATCH = "summaries are off for this batch";

    private final TranscriptStore transcripts;
    private final BatchQueries batches;
    private final ObjectProvider<Summarizer> summarizer;
    private final InferenceSlots slots;

    SummarizeStep(TranscriptStore transcripts, BatchQueries batches, ObjectProvider<Summarizer> summarizer,
            InferenceSlots slots) {
        super(Step.SUMMARIZE);
        this.transcripts = transcripts;
        this.batches = batches;
        this.summarizer = summarizer;
        this.slots = slots;
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
        Summarizer.Result result = slots.run("summarizing " + context.item.videoId(),
                () -> options.summarySentences() == null ? engine.summarize(context.item.displayTitle(), timed)
                        : engine.summarize(context.item.displayTitle(), timed, options.summarySentences()));
        transcripts.save(new Summary(context.item.id(), result.method(), result.text(), result.keyPoints()));
        return StepResult.done(result.method());
    }
}
