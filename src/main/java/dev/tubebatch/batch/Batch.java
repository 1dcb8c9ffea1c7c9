package dev.tubebatch.batch;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A named set of videos processed together, with the options that govern it.
 *
 * @param legacyFolderName the batch was stored before output folder names carried the batch id, and keeps the
 *     folder it was written to (see {@code OutputLayout})
 */
@Table("batch")
public record Batch(
        @Id UUID id,
        String name,
        BatchStatus status,
        String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Integer maxWorkers,
        int retryLimit,
        OnErrorPolicy onError,
        @Nullable String stopReason,
        boolean retryRoundDone,
        boolean legacyFolderName) {}
