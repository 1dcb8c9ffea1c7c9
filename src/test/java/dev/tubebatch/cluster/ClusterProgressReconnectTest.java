package dev.tubebatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a node does when its listening connection breaks and it listens again: other nodes' notifications sent
 * meanwhile are lost, so it tells its own listeners to re-read every batch that may have changed. The break is the
 * listener's backend terminated on the real embedded PostgreSQL; the other node is SQL and a {@code NOTIFY} in its
 * format.
 */
@EngineTest
class ClusterProgressReconnectTest {

    private static final String LISTENER = "select pid from pg_stat_activity where datname = current_database()"
            + " and pid <> pg_backend_pid() and query = 'LISTEN " + ClusterProgress.CHANNEL + "'";

    @Autowired
    BatchEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcAggregateTemplate aggregates;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<BatchChange> heard = new CopyOnWriteArrayList<>();
    private BatchEvents.Subscription listening;

    @AfterEach
    void stopListening() {
        if (listening != null) {
            listening.close();
        }
    }

    @Test
    void listening_again_after_a_break_tells_this_node_to_re_read_the_batches_that_may_have_changed() {
        Instant now = Instant.now();
        Batch paused = batch("Paused while the listener was away", BatchStatus.PAUSED, now, null);
        Batch finishedLately = batch("Finished during the break", BatchStatus.COMPLETED,
                now.minus(3, ChronoUnit.DAYS), now);
        Batch finishedLongAgo = batch("Finished long before", BatchStatus.COMPLETED, now.minus(2, ChronoUnit.DAYS),
                now.minus(2, ChronoUnit.DAYS));
        VideoItem queued = item(paused, now);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            aggregates.insert(paused);
            aggregates.insert(finishedLately);
            aggregates.insert(finishedLongAgo);
            aggregates.insert(queued);
        });
        Set<UUID> ours = Set.of(paused.id(), finishedLately.id(), finishedLongAgo.id());
        listening = events.subscribe(change -> {
            if (ours.contains(change.batchId())) {
                heard.add(change);
            }
        });
        Eventually.within(Duration.ofSeconds(10), "the node listens for other nodes",
                () -> !jdbc.sql(LISTENER).query(Integer.class).list().isEmpty());
        int broken = jdbc.sql(LISTENER).query(Integer.class).single();

        jdbc.sql("select pg_terminate_backend(:pid)").param("pid", broken).query().singleRow();
        Eventually.within(Duration.ofSeconds(10), "the listener's backend is gone", () -> jdbc.sql(
                "select count(*) from pg_stat_activity where pid = :pid").param("pid", broken)
                .query(Integer.class).single() == 0);
        // Another node finishes the item and tells the nodes; this node's listener may not hear it.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.sql("update video_item set status = 'COMPLETED' where id = :id").param("id", queued.id()).update();
            jdbc.sql("select pg_notify(:channel, :payload)").param("channel", ClusterProgress.CHANNEL)
                    .param("payload", ClusterProgress.encode("another-node", new BatchChange(paused.id(), queued.id())))
                    .query().singleRow();
        });

        Eventually.within(Duration.ofSeconds(20), "the re-read of the batch finished during the break",
                () -> heard.contains(BatchChange.ofBatch(finishedLately.id())));
        assertThat(heard).as("the paused batch is re-read").contains(BatchChange.ofBatch(paused.id()));
        assertThat(heard).as("a batch finished long before the break is not")
                .doesNotContain(BatchChange.ofBatch(finishedLongAgo.id()));
        assertThat(jdbc.sql(LISTENER).query(Integer.class).list()).as("listening again, on a new backend")
                .isNotEmpty().doesNotContain(broken);
    }

    private static Batch batch(String name, BatchStatus status, Instant createdAt, Instant finishedAt) {
        return new Batch(UUID.randomUUID(), name, status, "tester", createdAt, createdAt, finishedAt, 1, 2,
                OnErrorPolicy.CONTINUE, null, false, false);
    }

    private static VideoItem item(Batch batch, Instant now) {
        return new VideoItem(UUID.randomUUID(), batch.id(), 1, "https://www.youtube.com/watch?v=capRECONN01",
                "capRECONN01", null, null, null, null,
                ItemStatus.QUEUED, null, null, 0, UUID.randomUUID(), now, null, null, null, null, null, null, null,
                null);
    }
}
