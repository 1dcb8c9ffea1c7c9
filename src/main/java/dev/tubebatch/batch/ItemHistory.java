package dev.tubebatch.batch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-item log: finished steps (the checkpoints a re-run job resumes from) and every try with its error.
 * Only {@link ItemRun} writes it, together with the item's status; everyone may read it.
 */
@Repository
public class ItemHistory {

    /** At most this much of a tool's stderr is kept per attempt. */
    public static final int STDERR_TAIL_LIMIT = 4000;

    private static final String ATTEMPT_COLUMNS = """
            a.id, a.attempt, a.step, a.started_at, a.finished_at, a.outcome, a.error_kind, a.error_message,
            a.stderr_tail, a.retry_at""";

    private final JdbcClient jdbc;

    ItemHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a finished step. Recording the same step twice keeps the first record. */
    void recordStep(UUID itemId, Step step, StepOutcome outcome, @Nullable String note, Instant startedAt,
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
                .query((rs, n) -> stepRecord(rs, 1))
                .list();
        Map<Step, StepRecord> byStep = new EnumMap<>(Step.class);
        rows.forEach(r -> byStep.put(r.step(), r));
        return byStep;
    }

    /** Forgets an item's checkpoints, so that a fresh try starts from the first step. */
    public void clearSteps(UUID itemId) {
        jdbc.sql("delete from item_step where item_id = :item").param("item", itemId).update();
    }

    /**
     * Opens the item's next attempt, numbered after every earlier one (held tries and earlier retry rounds
     * included), so a video's tries read 1, 2, 3... in its history.
     */
    long startAttempt(UUID itemId, Instant startedAt) {
        return jdbc.sql("""
                insert into item_attempt (item_id, attempt, started_at, outcome)
                select :item, coalesce(max(attempt), 0) + 1, :started, :outcome from item_attempt where item_id = :item
                returning id""")
                .param("item", itemId).param("started", ts(startedAt))
                .param("outcome", AttemptOutcome.RUNNING.name())
                .query(Long.class).single();
    }

    /** Closes an attempt; {@code retryAt} only for {@link AttemptOutcome#RETRY}. */
    void finishAttempt(long attemptId, @Nullable Step step, AttemptOutcome outcome, @Nullable ErrorKind kind,
            @Nullable String message, @Nullable String stderr, Instant finishedAt, @Nullable Instant retryAt) {
        jdbc.sql("""
                update item_attempt set step = :step, outcome = :outcome, error_kind = :kind,
                       error_message = :message, stderr_tail = :stderr, finished_at = :finished,
                       retry_at = :retryAt
                 where id = :id""")
                .param("retryAt", ts(retryAt))
                .param("step", step == null ? null : step.name()).param("outcome", outcome.name())
                .param("kind", kind == null ? null : kind.name()).param("message", message)
                .param("stderr", tail(stderr)).param("finished", ts(finishedAt)).param("id", attemptId)
                .update();
    }

    public List<Attempt> attempts(UUID itemId) {
        return jdbc.sql("select " + ATTEMPT_COLUMNS + " from item_attempt a where a.item_id = :item order by a.id")
                .param("item", itemId)
                .query((rs, n) -> attempt(rs, 1))
                .list();
    }

    /** Every attempt of every item of a batch, by item id, each list in order (for exports: one query). */
    public Map<UUID, List<Attempt>> attemptsOfBatch(UUID batchId) {
        Map<UUID, List<Attempt>> byItem = new HashMap<>();
        jdbc.sql("select a.item_id, " + ATTEMPT_COLUMNS + """
                  from item_attempt a join video_item i on i.id = a.item_id
                 where i.batch_id = :batch order by a.id""")
                .param("batch", batchId)
                .query(rs -> {
                    byItem.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(attempt(rs, 2));
                });
        return byItem;
    }

    /** The recorded steps of every item of a batch, by item id (for exports: one query). */
    public Map<UUID, Map<Step, StepRecord>> stepsOfBatch(UUID batchId) {
        Map<UUID, Map<Step, StepRecord>> byItem = new HashMap<>();
        jdbc.sql("""
                select s.item_id, s.step, s.outcome, s.note, s.started_at, s.finished_at
                  from item_step s join video_item i on i.id = s.item_id where i.batch_id = :batch""")
                .param("batch", batchId)
                .query(rs -> {
                    StepRecord r = stepRecord(rs, 2);
                    byItem.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Step.class))
                            .put(r.step(), r);
                });
        return byItem;
    }

    /** Reads the columns of {@link #ATTEMPT_COLUMNS}, starting at column {@code first}. */
    private static Attempt attempt(ResultSet rs, int first) throws SQLException {
        int c = first;
        return new Attempt(rs.getLong(c), rs.getInt(c + 1), step(rs.getString(c + 2)), rs.getTimestamp(c + 3).toInstant(),
                instant(rs.getTimestamp(c + 4)), AttemptOutcome.valueOf(rs.getString(c + 5)),
                rs.getString(c + 6) == null ? null : ErrorKind.valueOf(rs.getString(c + 6)), rs.getString(c + 7),
                rs.getString(c + 8), instant(rs.getTimestamp(c + 9)));
    }

    /** Reads step, outcome, note, started_at, finished_at, starting at column {@code first}. */
    private static StepRecord stepRecord(ResultSet rs, int first) throws SQLException {
        return new StepRecord(Step.valueOf(rs.getString(first)), StepOutcome.valueOf(rs.getString(first + 1)),
                rs.getString(first + 2), rs.getTimestamp(first + 3).toInstant(), rs.getTimestamp(first + 4).toInstant());
    }

    static @Nullable String tail(@Nullable String text) {
        if (text == null || text.length() <= STDERR_TAIL_LIMIT) {
            return text;
        }
        return text.substring(text.length() - STDERR_TAIL_LIMIT);
    }

    private static @Nullable Step step(@Nullable String name) {
        return name == null ? null : Step.valueOf(name);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
