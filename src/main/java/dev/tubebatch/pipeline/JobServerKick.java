package dev.tubebatch.pipeline;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.JobSteward;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks this process's JobRunr server to fetch enqueued jobs now rather than at its next poll (5 s at best).
 *
 * <p>JobRunr fetches new work when a worker thread goes idle, but only if no other fetch is running at that moment
 * ({@code tryLock}): when several jobs end together, a job enqueued by one of them can miss the fetch that is
 * running and wait for the next poll, leaving a worker idle for seconds. So after the dispatcher enqueues, this
 * class runs the server's own fetch a few times over the next second. It goes through {@link JobSteward}'s public
 * idle notification (paired with an occupied one, so the busy-worker count is unchanged), which uses the server's
 * own fetch task and lock and fetches no more jobs than there are idle workers. With no local server (a web-only
 * node) it does nothing.
 */
@Component
class JobServerKick {

    private static final Logger log = LoggerFactory.getLogger(JobServerKick.class);

    /** When, after an enqueue, to ask for a fetch: soon after the enqueuing worker went idle, then as a safety net. */
    private static final List<Long> DELAYS_MS = List.of(15L, 150L, 1000L);

    private final ObjectProvider<BackgroundJobServer> server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("jobrunr-kick").factory());
    /** One pending kick per delay at most: enqueues in a burst share it. */
    private final List<AtomicBoolean> pending = DELAYS_MS.stream().map(d -> new AtomicBoolean()).toList();

    JobServerKick(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    /** Jobs were enqueued: have the local server fetch them soon. */
    void workEnqueued() {
        for (int i = 0; i < DELAYS_MS.size(); i++) {
            AtomicBoolean flag = pending.get(i);
            if (flag.compareAndSet(false, true)) {
                try {
                    timer.schedule(() -> {
                        flag.set(false);
                        fetchNow();
                    }, DELAYS_MS.get(i), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    flag.set(false);
                }
            }
        }
    }

    private void fetchNow() {
        BackgroundJobServer jobServer = server.getIfAvailable();
        if (jobServer == null || !jobServer.isRunning()) {
            return;
        }
        try {
            JobSteward steward = jobServer.getJobSteward();
            steward.notifyThreadOccupied();
            steward.notifyThreadIdle();
        } catch (RuntimeException e) {
            log.debug("Asking JobRunr to fetch work failed; its next poll will", e);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
