package dev.tubebatch.pipeline;

import java.util.UUID;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.BackgroundJobServerStatus;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/** Asks JobRunr's storage about jobs and about the servers that run them. */
@Component
class JobLookup {

    /** Capacity used while no server has announced itself yet (web-only nodes, start-up). */
    static final int MINIMUM_CAPACITY = 1;

    private final StorageProvider storage;

    JobLookup(StorageProvider storage) {
        this.storage = storage;
    }

    /** Where a job stands, as far as the item that waits for it is concerned. */
    enum Found { MISSING, LIVE, ENDED }

    Found find(UUID jobId) {
        try {
            return isLive(storage.getJobById(jobId).getState()) ? Found.LIVE : Found.ENDED;
        } catch (JobNotFoundException e) {
            return Found.MISSING;
        }
    }

    /** Whether the job exists and can still run: enqueued, scheduled, processing, or awaiting. */
    boolean isLive(UUID jobId) {
        try {
            return isLive(storage.getJobById(jobId).getState());
        } catch (JobNotFoundException e) {
            return false;
        }
    }

    private static boolean isLive(StateName state) {
        return state == StateName.ENQUEUED || state == StateName.SCHEDULED || state == StateName.PROCESSING
                || state == StateName.AWAITING;
    }

    /** Worker threads of every running JobRunr server on this database: the cluster's capacity. */
    int clusterWorkers() {
        int workers = storage.getBackgroundJobServers().stream()
                .filter(BackgroundJobServerStatus::isRunning)
                .mapToInt(BackgroundJobServerStatus::getWorkerPoolSize)
                .sum();
        return Math.max(workers, MINIMUM_CAPACITY);
    }
}
