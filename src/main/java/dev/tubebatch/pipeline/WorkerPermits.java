package dev.tubebatch.pipeline;

import java.util.concurrent.Semaphore;
import dev.tubebatch.machine.AdvisedWorkerCount;
import org.jobrunr.server.BackgroundJobServer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most as many video jobs do I/O at once in this process as it has workers ({@code tubebatch.engine.io-workers}:
 * the job server also has a thread per inference slot, see {@code AdvisedWorkerCount}). A job whose inference runs in
 * a slot lends its worker to the next job meanwhile ({@link #lend}, {@link #takeBack}), so inference and I/O each
 * keep their own number going.
 *
 * <p>At most as many video jobs run at once in this process as its JobRunr server has workers. JobRunr counts a worker
 * busy only once its job's thread has started, and runs each job on a virtual thread of its own: a fetch between
 * handing out a job and that job's start (a worker going idle, a poll, {@link JobServerKick}) can hand out one job
 * too many, which would then run beside the others. Such a job waits here, its item still QUEUED, until another
 * job ends.
 */
@Component
class WorkerPermits {

    private final ObjectProvider<BackgroundJobServer> server;
    private final @Nullable Integer ioWorkers;
    private volatile @Nullable Semaphore permits;

    WorkerPermits(ObjectProvider<BackgroundJobServer> server,
            @Value("${" + AdvisedWorkerCount.IO_WORKERS + ":#{null}}") @Nullable Integer ioWorkers) {
        this.server = server;
        this.ioWorkers = ioWorkers;
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

    /** The running job needs no worker for a while (its inference runs in a slot): the next job may use it. */
    void lend() {
        permits().release();
    }

    /** The job that lent its worker goes on with I/O: it waits for a worker, in turn, even if interrupted. */
    void takeBack() {
        permits().acquireUninterruptibly();
    }

    private Semaphore permits() {
        Semaphore current = permits;
        if (current == null) {
            synchronized (this) {
                current = permits;
                if (current == null) {
                    // No local server (a web-only node runs no jobs): one, so that nothing runs unbounded.
                    BackgroundJobServer jobServer = server.getIfAvailable();
                    Integer configured = ioWorkers;
                    int workers = jobServer == null ? 1 : configured != null ? Math.max(1, configured)
                            : Math.max(1, jobServer.getWorkDistributionStrategy().getWorkerCount());
                    // Fair: a job that lent its worker for inference takes one back before later jobs start.
                    current = new Semaphore(workers, true);
                    permits = current;
                }
            }
        }
        return current;
    }
}
