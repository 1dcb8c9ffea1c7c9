package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Chapter;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.Step;
import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.VideoMetadata;
import dev.tubebatch.youtube.YtDlpClient;
import org.springframework.stereotype.Component;

/** Reads the video's metadata (title, channel, duration, date, live state, caption languages). */
@Component
class ResolveStep extends PipelineStep {

    private final YtDlpClient ytDlp;
    private final ItemTracker tracker;

    ResolveStep(YtDlpClient ytDlp, ItemTracker tracker) {
        super(Step.RESOLVE);
        this.ytDlp = ytDlp;
        this.tracker = tracker;
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
        return StepResult.done(metadata.title());
    }
}
