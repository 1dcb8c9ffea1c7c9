package dev.tubebatch.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import dev.tubebatch.batch.ItemStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
    private volatile Map<String, Double> stepSeconds = Map.of();
    private volatile Instant readAt = Instant.MIN;

    EngineMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        for (String step : new String[] {"RESOLVE", "CAPTIONS", "AUDIO", "TRANSCRIBE", "SUMMARIZE", "EXPORT"}) {
            Gauge.builder("tubebatch.step.seconds.recent", () -> {
                fresh();
                return stepSeconds.getOrDefault(step, 0.0);
            }).tag("step", step).baseUnit("seconds").description("Mean step duration over the last hour")
                    .register(registry);
        }
    }

    private Map<ItemStatus, Long> fresh() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            Map<ItemStatus, Long> read = new EnumMap<>(ItemStatus.class);
            jdbc.sql("select status, count(*) from video_item group by status")
                    .query(rs -> {
                        read.put(ItemStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            Map<String, Double> steps = new java.util.HashMap<>();
            jdbc.sql("""
                    select step, avg(extract(epoch from finished_at - started_at)) from item_step
                    where finished_at > now() - interval '1 hour' group by step""")
                    .query(rs -> {
                        steps.put(rs.getString(1), rs.getDouble(2));
                    });
            counts = read;
            stepSeconds = Map.copyOf(steps);
            readAt = now;
        }
        return counts;
    }
}
