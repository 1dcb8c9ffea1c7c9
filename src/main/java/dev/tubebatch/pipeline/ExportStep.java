package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.VideoExporter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Writes the video's files into its batch folder, from what the database holds. */
@Component
class ExportStep extends PipelineStep {

    private final TranscriptStore transcripts;
    private final BatchQueries batches;
    private final ItemTracker tracker;
    private final VideoExporter exporter;

    ExportStep(TranscriptStore transcripts, BatchQueries batches, ItemTracker tracker, VideoExporter exporter) {
        super(Step.EXPORT);
        this.transcripts = transcripts;
        this.batches = batches;
        this.tracker = tracker;
        this.exporter = exporter;
    }

    @Override
    StepResult run(ItemContext context) {
        // Re-read the item: RESOLVE may have filled in the title since the try began.
        VideoItem item = batches.item(context.item.id()).orElseThrow();
        Transcript transcript = transcripts.find(item.id())
                .orElseThrow(() -> new PipelineException(ErrorKind.UNKNOWN, "No transcript to export"));
        try {
            Path file = exporter.export(context.batch, item, transcript,
                    transcripts.findSummary(item.id()).orElse(null));
            tracker.outputPath(item, file.toString());
            // transcript.md is in the video's folder
            removeStaleTempFiles(Objects.requireNonNull(file.getParent()), exporter::mayBeWriting);
            return StepResult.done(file.getFileName().toString());
        } catch (UncheckedIOException e) {
            throw new PipelineException(ErrorKind.UNKNOWN, e.getMessage(), null, e);
        }
    }

    /**
     * A process killed while the exporter wrote a file leaves its temporary file ({@code .tmp-*.part}, renamed into
     * place only when complete) in the video's folder. This try's export has succeeded and only one try of an item
     * runs at a time, so such a file is from a dead try, unless a live writer may be writing it: a whole-folder
     * export of the batch, on this node or another ({@code mayBeWriting}).
     */
    static void removeStaleTempFiles(Path folder, java.util.function.Predicate<Path> mayBeWriting) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(".tmp-") && name.endsWith(".part") && !mayBeWriting.test(file)) {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }
        } catch (java.io.IOException e) {
            org.slf4j.LoggerFactory.getLogger(ExportStep.class).debug("Could not tidy {}", folder, e);
        }
    }
}
