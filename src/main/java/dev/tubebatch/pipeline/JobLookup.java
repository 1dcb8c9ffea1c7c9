package dev.tubebatch.pipeline;

import java.util.UUID;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.springframework.stereotype.Component;

/** Asks JobRunr's storage whether a job exists. */
@Component
class JobLookup {

    private final StorageProvider storage;

    JobLookup(StorageProvider storage) {
        this.storage = storage;
    }

    boolean exists(UUID jobId) {
        try {
            storage.getJobById(jobId);
            return true;
        } catch (JobNotFoundException e) {
            return false;
        }
    }
}
