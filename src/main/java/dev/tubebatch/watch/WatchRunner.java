package dev.tubebatch.watch;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.intake.IntakeService;
import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.intake.PreviewResult;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a watch (the recurring job's body; also callable directly): lists the source with the watch's filters,
 * as a preview does, claims the videos this watch has not seen ({@code insert ... on conflict do nothing returning},
 * so two runs never claim the same video) and makes one batch of them in the same transaction. A run that finds
 * nothing new creates nothing. Every run is recorded, a failed listing with its reason.
 */
@Component
public class WatchRunner {

    private static final Logger log = LoggerFactory.getLogger(WatchRunner.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);
    static final int RETRY_LIMIT = 2;

    private final WatchQueries watches;
    private final IntakeService intake;
    private final BatchService batches;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WatchRunner(WatchQueries watches, IntakeService intake, BatchService batches, JdbcClient jdbc,
            TransactionTemplate transaction, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.watches = watches;
        this.intake = intake;
        this.batches = batches;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Runs the watch unless it is gone or paused; answers the batch made, or null. */
    @Job(name = "Watch %0", retries = 0)
    public @Nullable UUID run(UUID watchId) {
        Watch watch = watches.find(watchId).orElse(null);
        if (watch == null || watch.paused()) {
            return null;
        }
        Instant started = clock.instant();
        PreviewResult listing;
        try {
            listing = intake.preview(new PreviewRequest(watch.sourceUrl(), null, "", watch.recent(), watch.filters()));
        } catch (RuntimeException e) {
            record(watch.id(), started, 0, 0, null, String.valueOf(e.getMessage()));
            throw e;
        }
        List<PreviewResult.PreviewVideo> listed = listing.videos();
        String error = listed.isEmpty() && !listing.skipped().isEmpty()
                ? listing.skipped().getFirst().reason() : null;
        UUID batchId = transaction.execute(status -> {
            Set<String> claimed = new HashSet<>();
            for (PreviewResult.PreviewVideo video : listed) {
                claimed.addAll(jdbc.sql("""
                        insert into watch_seen (watch_id, video_id, first_seen) values (:watch, :video, :now)
                        on conflict do nothing returning video_id""")
                        .param("watch", watch.id()).param("video", video.videoId())
                        .param("now", Timestamp.from(started)).query(String.class).list());
            }
            List<NewBatch.NewVideo> fresh = listing.newVideos().stream()
                    .filter(v -> claimed.contains(v.videoId())).toList();
            UUID made = null;
            if (!fresh.isEmpty()) {
                Batch batch = batches.create(new NewBatch(watch.name() + " " + WHEN.format(started), fresh, null,
                        RETRY_LIMIT, OnErrorPolicy.CONTINUE), watch.createdBy());
                made = batch.id();
                events.publishEvent(new WatchFoundVideos(watch.id(), watch.name(), watch.sourceUrl(), made,
                        listed.size(), fresh.size()));
            }
            record(watch.id(), started, listed.size(), fresh.size(), made, error);
            return made;
        });
        log.info("Watch {} listed {} videos, batch {}", watch.id(), listed.size(), batchId);
        return batchId;
    }

    private void record(UUID watchId, Instant started, int listed, int fresh, @Nullable UUID batchId,
            @Nullable String error) {
        jdbc.sql("""
                insert into watch_run (watch_id, started_at, finished_at, listed, new_videos, batch_id, error)
                values (:watch, :started, :finished, :listed, :fresh, :batch, :error)""")
                .param("watch", watchId).param("started", Timestamp.from(started))
                .param("finished", Timestamp.from(clock.instant())).param("listed", listed).param("fresh", fresh)
                .param("batch", batchId, java.sql.Types.OTHER).param("error", error, java.sql.Types.VARCHAR)
                .update();
    }
}
