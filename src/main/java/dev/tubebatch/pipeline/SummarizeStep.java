package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.inference.Summarizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Summarizes the transcript. Without an installed summarizer, the step is recorded as skipped and says so. */
@Component
class SummarizeStep implements PipelineStep {

    static final String NO_SUMMARIZER = "no summarizer is installed in this build";

    private final TranscriptStore transcripts;
    private final ObjectProvider<Summarizer> summarizer;

    SummarizeStep(TranscriptStore transcripts, ObjectProvider<Summarizer> summarizer) {
        this.transcripts = transcripts;
        this.summarizer = summarizer;
    }

    @Override
    public Step step() {
        return Step.SUMMARIZE;
    }

    @Override
    public StepResult run(ItemContext context) {
        Summarizer engine = summarizer.getIfAvailable();
        if (engine == null) {
            return StepResult.skipped(NO_SUMMARIZER);
        }
        Transcript transcript = transcripts.find(context.item.id())
                .orElseThrow(() -> new PipelineException(ErrorKind.UNKNOWN, "No transcript to summarize"));
        Summarizer.Result result = engine.summarize(context.item.displayTitle(), transcript.plainText());
        transcripts.save(new Summary(context.item.id(), result.method(), result.text(), result.keyPoints()));
        return StepResult.done(result.method());
    }
}
