package dev.tubebatch.batch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface BatchRepository extends ListCrudRepository<Batch, UUID> {

    List<Batch> findAllByOrderByCreatedAtDesc();

    List<Batch> findByStatus(BatchStatus status);

    @Modifying
    @Query("update batch set status = :to, finished_at = :finishedAt, stop_reason = coalesce(:reason, stop_reason)"
            + " where id = :id and status = :from")
    boolean transition(@Param("id") UUID id, @Param("from") BatchStatus from, @Param("to") BatchStatus to,
            @Param("finishedAt") @Nullable Instant finishedAt, @Param("reason") @Nullable String reason);

    /** Back to RUNNING from a held or completed state; the old stop reason and end time are cleared. */
    @Modifying
    @Query("update batch set status = 'RUNNING', finished_at = null, stop_reason = null"
            + " where id = :id and status = :from")
    boolean reopen(@Param("id") UUID id, @Param("from") BatchStatus from);

    @Modifying
    @Query("update batch set retry_round_done = true where id = :id and not retry_round_done")
    boolean markRetryRoundDone(@Param("id") UUID id);
}
