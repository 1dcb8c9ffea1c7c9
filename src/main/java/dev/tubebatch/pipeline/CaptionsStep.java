package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.youtube.Captions;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Downloads captions (the uploader's, else YouTube's automatic ones, else, when the batch allows, YouTube's machine
 * translations) in the batch's caption languages or the node's, and stores them as the transcript.
 */
@Component
class CaptionsStep extends PipelineStep {

    private final YtDlpClient ytDlp;
    private final TranscriptStore transcripts;
    private final ItemTracker tracker;
    private final BatchQueries batches;

    CaptionsStep(YtDlpClient ytDlp, TranscriptStore transcripts, ItemTracker tracker, BatchQueries batches) {
        super(Step.CAPTIONS);
        this.ytDlp = ytDlp;
        this.transcripts = transcripts;
        this.tracker = tracker;
        this.batches = batches;
    }

    @Override
    StepResult run(ItemContext context) {
        Optional<Captions> captions;
        BatchOptions options = batches.options(context.batch.id());
        try {
            captions = ytDlp.downloadCaptions(context.item.url(), MetadataCache.fetch(ytDlp, context),
                    context.workDirectory, options.captionLanguages(), options.translatedCaptions());
        } catch (YtDlpException e) {
            throw YtDlpFailures.toPipeline(e);
        }
        List<Segment> segments = captions.stream().flatMap(c -> c.cues().stream())
                .filter(cue -> !cue.text().isBlank())
                .map(cue -> new Segment(cue.start(), Math.max(cue.start(), cue.end()), cue.text()))
                .toList();
        if (segments.isEmpty()) {
            return StepResult.skipped("no captions");
        }
        TranscriptSource source = captions.get().translated() ? TranscriptSource.TRANSLATED_CAPTIONS
                : captions.get().automatic() ? TranscriptSource.AUTO_CAPTIONS : TranscriptSource.CAPTIONS;
        transcripts.save(new Transcript(context.item.id(), captions.get().language(), source, segments));
        tracker.transcriptSource(context.item, source);
        return StepResult.done((captions.get().translated() ? "translated captions, "
                : captions.get().automatic() ? "automatic captions, " : "captions, ")
                + captions.get().language() + ", " + segments.size() + " segments");
    }
}
