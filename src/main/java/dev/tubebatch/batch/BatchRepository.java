package dev.tubebatch.batch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
            @Param("finishedAt") Instant finishedAt, @Param("reason") String reason);
}
