package dev.tubebatch.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses which waiting items get a job next. Items are taken round-robin across running batches: each free
 * slot goes to the batch with the fewest videos in flight (then the oldest batch), so a 10,000-video batch does
 * not starve a 3-video one; a batch never has more items in flight (queued or running) than its {@code max_workers}; and the
 * cluster never has more in flight than its capacity, so large batches are fed to JobRunr in a window.
 *
 * <p>One transaction-scoped PostgreSQL advisory lock makes claiming exclusive across every node.
 */
@Repository
public class WorkQueue {

    /** Arbitrary key of the advisory lock that serializes dispatch across the cluster. */
    private static final long DISPATCH_LOCK = 0x7475_6265_6261_7463L;

    private final JdbcClient jdbc;
    private final BatchEvents events;
    private final Clock clock;

    WorkQueue(JdbcClient jdbc, BatchEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An item handed to a job: the caller enqueues {@code jobId} for it after this method returns.
     *
     * @param inferenceTurn the item waited for an inference slot and is handed out for one of this node's free slots
     */
    public record Claim(UUID itemId, UUID batchId, String videoId, UUID jobId, boolean inferenceTurn) {

        public Claim(UUID itemId, UUID batchId, String videoId, UUID jobId) {
            this(itemId, batchId, videoId, jobId, false);
        }
    }

    /** {@link #claim(int, int)} without handing out items that wait for an inference slot. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Claim> claim(int capacity) {
        return claim(capacity, 0);
    }

    /**
     * Marks up to {@code capacity - in flight} waiting items (PENDING, or RETRYING whose backoff is over) QUEUED, each with a new job id, and returns them.
     * Items that wait for an inference slot go first, oldest wait first, but only up to {@code inferenceTurns} (the
     * caller's free slots); the others stay out until a claim has turns for them.
     *
     * <p>Always its own transaction, committed before this method returns: the caller enqueues jobs next, and a job
     * that starts before the QUEUED row is visible would find nothing to do. (Dispatch runs from after-commit
     * callbacks, where a joined transaction would commit only when the callback's connection is released.)
     *
     * @param capacity the most items that may be queued or running at once across the cluster
     * @param inferenceTurns how many items waiting for an inference slot may be handed out
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Claim> claim(int capacity, int inferenceTurns) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", DISPATCH_LOCK).query((rs, n) -> 1).list();
        int inFlight = jdbc.sql("select count(*) from video_item where status in ('QUEUED', 'RUNNING')")
                .query(Integer.class).single();
        int free = capacity - inFlight;
        if (free <= 0) {
            return List.of();
        }
        List<Claim> claimed = new ArrayList<>(claimInferenceTurns(capacity, Math.min(free, inferenceTurns)));
        free -= claimed.size();
        List<Claim> picked = free <= 0 ? List.of() : jdbc.sql("""
                with running as (
                    select b.id, b.created_at, coalesce(b.max_workers, :capacity) as max_in_flight,
                           (select count(*) from video_item f
                             where f.batch_id = b.id and f.status in ('QUEUED', 'RUNNING')) as in_flight
                      from batch b where b.status = 'RUNNING')
                select w.id, r.id as batch_id, w.video_id, r.in_flight + w.turn as share
                  from running r
                  cross join lateral (
                      select v.id, v.video_id, row_number() over (order by v.position) as turn
                        from video_item v
                       where v.batch_id = r.id and v.status in ('PENDING', 'RETRYING')
                         and (v.not_before is null or v.not_before <= :now) and not v.waits_for_inference
                       order by v.position
                       limit greatest(r.max_in_flight - r.in_flight, 0)) w
                 order by share, r.created_at, r.id
                 limit :free""")
                .param("capacity", capacity).param("now", Timestamp.from(clock.instant())).param("free", free)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), UUID.randomUUID()))
                .list();
        for (Claim claim : picked) {
            int updated = jdbc.sql("""
                    update video_item set status = 'QUEUED', job_id = :job, queued_at = :now, not_before = null
                     where id = :id and status in ('PENDING', 'RETRYING')""")
                    .param("job", claim.jobId()).param("now", Timestamp.from(clock.instant()))
                    .param("id", claim.itemId()).update();
            if (updated == 1) {
                claimed.add(claim);
            }
        }
        claimed.forEach(c -> events.publish(new BatchChange(c.batchId(), c.itemId())));
        return claimed;
    }

    /** Hands out up to {@code turns} items waiting for inference, oldest wait first, within each batch's limit. */
    private List<Claim> claimInferenceTurns(int capacity, int turns) {
        if (turns <= 0) {
            return List.of();
        }
        List<Claim> picked = jdbc.sql("""
                with running as (
                    select b.id, coalesce(b.max_workers, :capacity)
                           - (select count(*) from video_item f
                               where f.batch_id = b.id and f.status in ('QUEUED', 'RUNNING')) as room
                      from batch b where b.status = 'RUNNING')
                select w.id, w.batch_id, w.video_id from (
                    select v.id, v.batch_id, v.video_id, v.queued_at, v.position, r.room,
                           row_number() over (partition by v.batch_id order by v.queued_at, v.position) as turn
                      from video_item v join running r on r.id = v.batch_id
                     where v.status = 'PENDING' and v.waits_for_inference) w
                 where w.turn <= w.room
                 order by w.queued_at, w.position
                 limit :turns""")
                .param("capacity", capacity).param("turns", turns)
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), UUID.randomUUID(), true))
                .list();
        List<Claim> claimed = new ArrayList<>(picked.size());
        for (Claim claim : picked) {
            int updated = jdbc.sql("""
                    update video_item set status = 'QUEUED', job_id = :job, queued_at = :now, not_before = null,
                           waits_for_inference = false
                     where id = :id and status = 'PENDING' and waits_for_inference""")
                    .param("job", claim.jobId()).param("now", Timestamp.from(clock.instant()))
                    .param("id", claim.itemId()).update();
            if (updated == 1) {
                claimed.add(claim);
            }
        }
        return claimed;
    }

    /**
     * Whether a video of a running batch waits for an inference slot: a video that reaches inference now queues
     * behind it rather than taking a slot first, so no waiting video is overtaken for ever.
     */
    public boolean anyWaitsForInference() {
        return jdbc.sql("""
                select exists (select 1 from video_item v join batch b on b.id = v.batch_id
                                where v.status = 'PENDING' and v.waits_for_inference and b.status = 'RUNNING')""")
                .query(Boolean.class).single();
    }

    /**
     * Items whose job may have been lost: QUEUED or RETRYING for longer than {@code settle}, with the job id they
     * wait for. The settle time keeps the check away from a dispatch that is still enqueuing.
     */
    public List<Claim> waitingForJobs(java.time.Duration settle) {
        return jdbc.sql("""
                select v.id, v.batch_id, v.video_id, v.job_id from video_item v join batch b on b.id = v.batch_id
                 where v.status in ('QUEUED', 'RETRYING') and v.job_id is not null
                   and v.queued_at < :cutoff and b.status = 'RUNNING'""")
                .param("cutoff", Timestamp.from(clock.instant().minus(settle)))
                .query((rs, n) -> new Claim(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class)))
                .list();
    }

    /**
     * An item whose job ended without running it (the job found the item not yet QUEUED, or was deleted) waits
     * again, so the next dispatch claims it under a new job id. Changes nothing if the item moved on meanwhile.
     */
    public boolean release(Claim stale) {
        boolean released = jdbc.sql("""
                update video_item set status = 'PENDING', job_id = null
                 where id = :id and job_id = :job and status in ('QUEUED', 'RETRYING')""")
                .param("id", stale.itemId()).param("job", stale.jobId()).update() == 1;
        if (released) {
            events.publish(new BatchChange(stale.batchId(), stale.itemId()));
        }
        return released;
    }

    /**
     * When the next waiting item of a running batch becomes due (a retry's backoff, a retry round's delay), if any
     * waits for a time still to come; the dispatcher sets a timer for it.
     */
    public java.util.Optional<java.time.Instant> nextDue() {
        return jdbc.sql("""
                select min(v.not_before) from video_item v join batch b on b.id = v.batch_id
                 where b.status = 'RUNNING' and v.status in ('PENDING', 'RETRYING') and v.not_before > :now""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).single()
                .map(Timestamp::toInstant);
    }

    /** A running item and the status of its batch, for the sweep. */
    public record RunningItem(UUID itemId, UUID batchId, UUID jobId, BatchStatus batchStatus) {}

    /** Items RUNNING for longer than {@code settle} since their job was handed out. */
    public List<RunningItem> runningLongerThan(java.time.Duration settle) {
        return jdbc.sql("""
                select v.id, v.batch_id, v.job_id, b.status from video_item v join batch b on b.id = v.batch_id
                 where v.status = 'RUNNING' and v.queued_at < :cutoff""")
                .param("cutoff", Timestamp.from(clock.instant().minus(settle)))
                .query((rs, n) -> new RunningItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), BatchStatus.valueOf(rs.getString(4))))
                .list();
    }
}
