package dev.tubebatch.pipeline;

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

/** Downloads captions (the uploader's, else YouTube's automatic ones) and stores them as the transcript. */
@Component
class CaptionsStep extends PipelineStep {

    private final YtDlpClient ytDlp;
    private final TranscriptStore transcripts;
    private final ItemTracker tracker;

    CaptionsStep(YtDlpClient ytDlp, TranscriptStore transcripts, ItemTracker tracker) {
        super(Step.CAPTIONS);
        this.ytDlp = ytDlp;
        this.transcripts = transcripts;
        this.tracker = tracker;
    }

    @Override
    StepResult run(ItemContext context) {
        Optional<Captions> captions;
        try {
            captions = ytDlp.downloadCaptions(context.item.url(), MetadataCache.fetch(ytDlp, context),
                    context.workDirectory);
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
        TranscriptSource source = captions.get().automatic() ? TranscriptSource.AUTO_CAPTIONS
                : TranscriptSource.CAPTIONS;
        transcripts.save(new Transcript(context.item.id(), captions.get().language(), source, segments));
        tracker.transcriptSource(context.item, source);
        return StepResult.done((captions.get().automatic() ? "automatic captions, " : "captions, ")
                + captions.get().language() + ", " + segments.size() + " segments");
    }
}
