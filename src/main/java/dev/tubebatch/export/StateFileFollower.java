package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchQueries;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Keeps each batch's {@code batch.json} current as its videos move on, and writes the whole folder (manifest,
 * stats, error report, PDF...) once a batch finishes. Progress events only mark a batch dirty; one background
 * thread rewrites the dirty batches' state files at most once per {@code tubebatch.output.state-delay}, so jobs
 * never wait for a file and a burst of events costs one write.
 *
 * <p>A big batch's file costs more: 10,000 videos take a few hundred milliseconds to read and write. So the wait
 * before the next rewrite is also at least {@link #COST_FACTOR} times as long as the last round of writes took
 * ({@link #nextDelay}): the follower never takes more than a fifth of a core, and the web app and the workers keep
 * the rest while a big batch runs.
 *
 * <p>Events are in-process: each node keeps the files of the videos it ran current, and any node rebuilds the
 * whole folder from the database on demand ({@link ExportService#ensureExported}).
 */
@Component
@ConditionalOnProperty(name = "tubebatch.output.follow", havingValue = "true", matchIfMissing = true)
class StateFileFollower {

    private static final Logger log = LoggerFactory.getLogger(StateFileFollower.class);

    private final ExportService exports;
    private final BatchQueries batches;
    /** The wait before a rewrite is at least this many times the last round's writing time. */
    static final int COST_FACTOR = 5;

    private final long delayMillis;
    /** The wait before the next round of writes: the configured delay, or longer after a costly round. */
    private volatile long nextDelayMillis;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "export-follower");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The finish time of each batch whose whole folder was written after it finished. */
    private final Map<UUID, Instant> exportedFinish = new ConcurrentHashMap<>();
    private final BatchEvents.Subscription subscription;

    StateFileFollower(ExportService exports, BatchQueries batches, BatchEvents events,
            @Value("${tubebatch.output.state-delay:PT0.5S}") java.time.Duration delay) {
        this.exports = exports;
        this.batches = batches;
        this.delayMillis = Math.max(10, delay.toMillis());
        this.nextDelayMillis = delayMillis;
        this.subscription = events.subscribe(this::changed);
    }

    private void changed(BatchChange change) {
        dirty.add(change.batchId());
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::flush, nextDelayMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                scheduled.set(false); // shutting down
            }
        }
    }

    private void flush() {
        scheduled.set(false);
        long started = System.nanoTime();
        for (UUID batchId : Set.copyOf(dirty)) {
            dirty.remove(batchId);
            try {
                exports.writeState(batchId);
                Batch batch = batches.get(batchId);
                if (batch.status().isFinished() && batch.finishedAt() != null
                        && !batch.finishedAt().equals(exportedFinish.get(batchId))) {
                    exports.ensureExported(batchId);
                    exportedFinish.put(batchId, batch.finishedAt());
                }
            } catch (RuntimeException e) {
                log.warn("Could not update the output files of batch {}", batchId, e);
            }
        }
        nextDelayMillis = nextDelay(delayMillis, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** The wait before the next round: the configured delay, or {@link #COST_FACTOR} times the last round's time. */
    static long nextDelay(long delayMillis, long lastRoundMillis) {
        return Math.max(delayMillis, COST_FACTOR * lastRoundMillis);
    }

    /** Runs pending writes now (tests, shutdown). */
    void flushNow() {
        try {
            thread.submit(this::flush).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("The export follower did not finish", e);
        }
    }

    @PreDestroy
    void stop() {
        subscription.close();
        thread.shutdownNow();
    }
}
