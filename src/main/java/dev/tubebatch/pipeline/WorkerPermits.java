package dev.tubebatch.pipeline;

import java.util.concurrent.Semaphore;
import org.jobrunr.server.BackgroundJobServer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * At most as many video jobs run at once in this process as its JobRunr server has workers. JobRunr counts a worker
 * busy only once its job's thread has started, and runs each job on a virtual thread of its own: a fetch between
 * handing out a job and that job's start (a worker going idle, a poll, {@link JobServerKick}) can hand out one job
 * too many, which would then run beside the others. Such a job waits here, its item still QUEUED, until another
 * job ends.
 */
@Component
class WorkerPermits {

    private final ObjectProvider<BackgroundJobServer> server;
    private volatile @Nullable Semaphore permits;

    WorkerPermits(ObjectProvider<BackgroundJobServer> server) {
        this.server = server;
    }

    /** Waits for a free worker; false if interrupted (the job was deleted or the server stops). */
    boolean acquire() {
        try {
            permits().acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        permits().release();
    }

    private Semaphore permits() {
        Semaphore current = permits;
        if (current == null) {
            synchronized (this) {
                current = permits;
                if (current == null) {
                    // No local server (a web-only node runs no jobs): one, so that nothing runs unbounded.
                    BackgroundJobServer jobServer = server.getIfAvailable();
                    int workers = jobServer == null ? 1
                            : Math.max(1, jobServer.getWorkDistributionStrategy().getWorkerCount());
                    current = new Semaphore(workers);
                    permits = current;
                }
            }
        }
        return current;
    }
}
