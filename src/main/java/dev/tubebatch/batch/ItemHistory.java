package dev.tubebatch.batch;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-item log: finished steps (the checkpoints a re-run job resumes from) and every try with its error.
 */
@Repository
public class ItemHistory {

    /** At most this much of a tool's stderr is kept per attempt. */
    public static final int STDERR_TAIL_LIMIT = 4000;

    private final JdbcClient jdbc;

    ItemHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A recorded step of an item. */
    public record StepRecord(Step step, StepOutcome outcome, @Nullable String note, Instant startedAt,
            Instant finishedAt) {}

    /** One try of a job on an item. */
    public record Attempt(long id, int attempt, @Nullable Step step, Instant startedAt, @Nullable Instant finishedAt,
            String outcome, @Nullable ErrorKind errorKind, @Nullable String errorMessage, @Nullable String stderrTail,
            @Nullable Instant retryAt) {}

    /** Records a finished step. Recording the same step twice keeps the first record. */
    public void recordStep(UUID itemId, Step step, StepOutcome outcome, @Nullable String note, Instant startedAt,
            Instant finishedAt) {
        jdbc.sql("""
                insert into item_step (item_id, step, outcome, note, started_at, finished_at)
                values (:item, :step, :outcome, :note, :started, :finished)
                on conflict (item_id, step) do nothing""")
                .param("item", itemId).param("step", step.name()).param("outcome", outcome.name())
                .param("note", note).param("started", ts(startedAt)).param("finished", ts(finishedAt))
                .update();
    }

    public Map<Step, StepRecord> steps(UUID itemId) {
        List<StepRecord> rows = jdbc.sql("""
                select step, outcome, note, started_at, finished_at from item_step where item_id = :item""")
                .param("item", itemId)
                .query((rs, n) -> new StepRecord(Step.valueOf(rs.getString(1)), StepOutcome.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
        Map<Step, StepRecord> byStep = new EnumMap<>(Step.class);
        rows.forEach(r -> byStep.put(r.step(), r));
        return byStep;
    }

    /** Forgets an item's checkpoints, so that a fresh try starts from the first step. */
    public void clearSteps(UUID itemId) {
        jdbc.sql("delete from item_step where item_id = :item").param("item", itemId).update();
    }

    public long startAttempt(UUID itemId, int attempt, Instant startedAt) {
        return jdbc.sql("""
                insert into item_attempt (item_id, attempt, started_at, outcome)
                values (:item, :attempt, :started, 'RUNNING') returning id""")
                .param("item", itemId).param("attempt", attempt).param("started", ts(startedAt))
                .query(Long.class).single();
    }

    /** Closes an attempt; an attempt left RUNNING by a crash stays so and reads as interrupted. */
    public void finishAttempt(long attemptId, @Nullable Step step, String outcome, @Nullable ErrorKind kind,
            @Nullable String message, @Nullable String stderr, Instant finishedAt) {
        finishAttempt(attemptId, step, outcome, kind, message, stderr, finishedAt, null);
    }

    /** Closes an attempt that will be retried at {@code retryAt}. */
    public void finishAttempt(long attemptId, @Nullable Step step, String outcome, @Nullable ErrorKind kind,
            @Nullable String message, @Nullable String stderr, Instant finishedAt, @Nullable Instant retryAt) {
        jdbc.sql("""
                update item_attempt set step = :step, outcome = :outcome, error_kind = :kind,
                       error_message = :message, stderr_tail = :stderr, finished_at = :finished,
                       retry_at = :retryAt
                 where id = :id""")
                .param("retryAt", ts(retryAt))
                .param("step", step == null ? null : step.name()).param("outcome", outcome)
                .param("kind", kind == null ? null : kind.name()).param("message", message)
                .param("stderr", tail(stderr)).param("finished", ts(finishedAt)).param("id", attemptId)
                .update();
    }

    public List<Attempt> attempts(UUID itemId) {
        return jdbc.sql("""
                select id, attempt, step, started_at, finished_at, outcome, error_kind, error_message, stderr_tail,
                       retry_at
                  from item_attempt where item_id = :item order by id""")
                .param("item", itemId)
                .query((rs, n) -> new Attempt(rs.getLong(1), rs.getInt(2),
                        rs.getString(3) == null ? null : Step.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getString(7) == null ? null : ErrorKind.valueOf(rs.getString(7)), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** Every attempt of every item of a batch, by item id, each list in order (for exports: one query). */
    public Map<UUID, List<Attempt>> attemptsOfBatch(UUID batchId) {
        Map<UUID, List<Attempt>> byItem = new java.util.HashMap<>();
        jdbc.sql("""
                select a.item_id, a.id, a.attempt, a.step, a.started_at, a.finished_at, a.outcome, a.error_kind,
                       a.error_message, a.stderr_tail, a.retry_at
                  from item_attempt a join video_item i on i.id = a.item_id
                 where i.batch_id = :batch order by a.id""")
                .param("batch", batchId)
                .query(rs -> {
                    byItem.computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                            .add(new Attempt(rs.getLong(2), rs.getInt(3),
                                    rs.getString(4) == null ? null : Step.valueOf(rs.getString(4)),
                                    rs.getTimestamp(5).toInstant(),
                                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                                    rs.getString(7), rs.getString(8) == null ? null : ErrorKind.valueOf(rs.getString(8)),
                                    rs.getString(9), rs.getString(10),
                                    rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()));
                });
        return byItem;
    }

    /** The recorded steps of every item of a batch, by item id (for exports: one query). */
    public Map<UUID, Map<Step, StepRecord>> stepsOfBatch(UUID batchId) {
        Map<UUID, Map<Step, StepRecord>> byItem = new java.util.HashMap<>();
        jdbc.sql("""
                select s.item_id, s.step, s.outcome, s.note, s.started_at, s.finished_at
                  from item_step s join video_item i on i.id = s.item_id where i.batch_id = :batch""")
                .param("batch", batchId)
                .query(rs -> {
                    StepRecord r = new StepRecord(Step.valueOf(rs.getString(2)), StepOutcome.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
                    byItem.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Step.class))
                            .put(r.step(), r);
                });
        return byItem;
    }

    static @Nullable String tail(@Nullable String text) {
        if (text == null || text.length() <= STDERR_TAIL_LIMIT) {
            return text;
        }
        return text.substring(text.length() - STDERR_TAIL_LIMIT);
    }

    private static java.sql.@Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }
}
