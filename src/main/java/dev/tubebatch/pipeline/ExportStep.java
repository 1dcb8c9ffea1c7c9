package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.VideoExporter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Writes the video's files into its batch folder, from what the database holds. */
@Component
class ExportStep implements PipelineStep {

    private final TranscriptStore transcripts;
    private final BatchService batches;
    private final ItemTracker tracker;
    private final VideoExporter exporter;

    ExportStep(TranscriptStore transcripts, BatchService batches, ItemTracker tracker, VideoExporter exporter) {
        this.transcripts = transcripts;
        this.batches = batches;
        this.tracker = tracker;
        this.exporter = exporter;
    }

    @Override
    public Step step() {
        return Step.EXPORT;
    }

    @Override
    public StepResult run(ItemContext context) {
        // Re-read the item: RESOLVE may have filled in the title since the try began.
        VideoItem item = batches.item(context.item.id()).orElseThrow();
        Transcript transcript = transcripts.find(item.id())
                .orElseThrow(() -> new PipelineException(ErrorKind.UNKNOWN, "No transcript to export"));
        try {
            Path file = exporter.export(context.batch, item, transcript,
                    transcripts.findSummary(item.id()).orElse(null));
            tracker.outputPath(item, file.toString());
            return StepResult.done(file.getFileName().toString());
        } catch (UncheckedIOException e) {
            throw new PipelineException(ErrorKind.UNKNOWN, e.getMessage(), null, e);
        }
    }
}
