package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.Chapter;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.Step;
import dev.tubebatch.format.Durations;
import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.VideoMetadata;
import dev.tubebatch.youtube.YtDlpClient;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Reads the video's metadata (title, channel, duration, date, live state, caption languages), and refuses a video
 * longer than the node's or the batch's limit before anything is downloaded.
 */
@Component
class ResolveStep extends PipelineStep {

    private final YtDlpClient ytDlp;
    private final ItemTracker tracker;
    private final BatchQueries batches;
    private final PipelineProperties properties;

    ResolveStep(YtDlpClient ytDlp, ItemTracker tracker, BatchQueries batches, PipelineProperties properties) {
        super(Step.RESOLVE);
        this.ytDlp = ytDlp;
        this.tracker = tracker;
        this.batches = batches;
        this.properties = properties;
    }

    @Override
    StepResult run(ItemContext context) {
        VideoMetadata metadata = MetadataCache.fetch(ytDlp, context);
        if (metadata.liveStatus() == LiveStatus.IS_UPCOMING) {
            throw new PipelineException(ErrorKind.UPCOMING, "The video is an upcoming live stream");
        }
        if (metadata.liveStatus() == LiveStatus.IS_LIVE) {
            throw new PipelineException(ErrorKind.UNSUPPORTED, "The video is a live stream in progress");
        }
        tracker.metadata(context.item, metadata.title(), metadata.channel(), metadata.durationSeconds(),
                metadata.uploadDate());
        tracker.chapters(context.item, metadata.chapters().stream()
                .map(c -> new Chapter(c.start(), c.end(), c.title())).toList());
        Integer seconds = metadata.durationSeconds();
        Duration limit = limit(context);
        if (seconds != null && seconds > limit.toSeconds()) {
            throw new PipelineException(ErrorKind.TOO_LONG, "The video is " + Durations.elapsed(seconds)
                    + " long; the longest allowed is " + Durations.elapsed(limit) + " ("
                    + (limit.equals(properties.maxVideoDuration()) ? "tubebatch.pipeline.max-video-duration"
                            : "the batch's max video minutes") + ")");
        }
        return StepResult.done(metadata.title());
    }

    /** The node's limit, or the batch's where it is lower. */
    private Duration limit(ItemContext context) {
        Integer minutes = batches.options(context.batch.id()).maxVideoMinutes();
        Duration node = properties.maxVideoDuration();
        return minutes == null || Duration.ofMinutes(minutes).compareTo(node) >= 0 ? node : Duration.ofMinutes(minutes);
    }
}
