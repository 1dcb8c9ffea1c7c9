package dev.tubebatch.ui;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.inference.ModelRegistry;
import dev.tubebatch.machine.MachineProbe;
import dev.tubebatch.machine.ResourceAdvisor;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the figures a preview's {@link PreviewPlan} shows: the resource advisor's proposal (as the System view shows
 * it), this node's job workers, and how long recently completed videos took.
 */
@Component
class BatchPlanning {

    /** How far back completed videos count towards the estimate. */
    static final Duration MEASURED_WINDOW = Duration.ofDays(30);

    private final MachineProbe machines;
    private final ResourceAdvisor advisor;
    private final ModelRegistry models;
    private final BatchQueries queries;
    private final int configuredWorkers;

    BatchPlanning(MachineProbe machines, ResourceAdvisor advisor, ModelRegistry models, BatchQueries queries,
            @Value("${jobrunr.background-job-server.worker-count:0}") int configuredWorkers) {
        this.machines = machines;
        this.advisor = advisor;
        this.models = models;
        this.queries = queries;
        this.configuredWorkers = configuredWorkers;
    }

    /** @param maxWorkers the batch's own limit, null for none */
    PreviewPlan plan(@Nullable Integer maxWorkers) {
        ResourceAdvisor.Advice advice = advisor.advise(machines.snapshot(), models.loadedBytes());
        int workers = configuredWorkers > 0 ? configuredWorkers : advice.workers();
        if (maxWorkers != null && maxWorkers > 0) {
            workers = Math.min(workers, maxWorkers);
        }
        return new PreviewPlan(advice.batchSize(), workers, advice.inferenceSlots(), ResourceAdvisor.videosPerSlotHour(),
                queries.recentVideoTimes(MEASURED_WINDOW));
    }
}
