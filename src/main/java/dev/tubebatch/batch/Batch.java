package dev.tubebatch.batch;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A named set of videos processed together, with the options that govern it.
 */
@Table("batch")
public record Batch(
        @Id UUID id,
        String name,
        BatchStatus status,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer maxWorkers,
        int retryLimit,
        OnErrorPolicy onError,
        String stopReason,
        boolean retryRoundDone) {}
