package dev.tubebatch.ops;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Step;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The engine's figures, read from the database so that every node reports the cluster's truth:
 * {@code tubebatch.videos{status}} (videos by status, all batches), {@code tubebatch.queue.depth} (videos waiting
 * for a worker) and {@code tubebatch.step.seconds.recent{step}} (mean duration of each step over the last hour).
 * The counts are read at most every few seconds, however often they are scraped.
 */
@Component
class EngineMetrics implements MeterBinder {

    static final Duration REFRESH = Duration.ofSeconds(5);
    /** The time over which {@code tubebatch.step.seconds.recent} averages. */
    static final Duration RECENT = Duration.ofHours(1);

    private record Figures(Map<ItemStatus, Long> counts, Map<Step, Double> stepSeconds) {}

    private final Refreshed<Figures> figures;

    EngineMetrics(BatchQueries queries, Clock clock) {
        this.figures = new Refreshed<>(clock, REFRESH,
                () -> new Figures(queries.itemsByStatus(), Map.copyOf(queries.meanStepSeconds(RECENT))));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ItemStatus status : ItemStatus.values()) {
            Gauge.builder("tubebatch.videos", () -> fresh().getOrDefault(status, 0L))
                    .tag("status", status.name()).description("Videos by status, all batches").register(registry);
        }
        Gauge.builder("tubebatch.queue.depth", () -> {
                    Map<ItemStatus, Long> counts = fresh();
                    return counts.getOrDefault(ItemStatus.PENDING, 0L) + counts.getOrDefault(ItemStatus.QUEUED, 0L)
                            + counts.getOrDefault(ItemStatus.RETRYING, 0L);
                })
                .description("Videos waiting for a worker").register(registry);
        for (Step step : Step.values()) {
            Gauge.builder("tubebatch.step.seconds.recent", () -> figures.get().stepSeconds().getOrDefault(step, 0.0))
                    .tag("step", step.name()).baseUnit("seconds").description("Mean step duration over the last hour")
                    .register(registry);
        }
    }

    private Map<ItemStatus, Long> fresh() {
        return figures.get().counts();
    }
}
