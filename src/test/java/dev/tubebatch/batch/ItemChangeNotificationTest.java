package dev.tubebatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.support.EngineTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an item's change leaves its node: the other nodes' notification ({@code NOTIFY}, which the cluster package
 * sends for every published change) goes with the change's own transaction, and this node's listeners hear it after
 * the commit. A second connection plays the other node, listening as the cluster package's listener does.
 */
@EngineTest
class ItemChangeNotificationTest {

    /** The cluster package's channel (ClusterProgress.CHANNEL), which this package does not see. */
    static final String CHANNEL = "tubebatch_progress";
    /** A bound on each wait for a notification, so a lost one fails the test instead of hanging it. */
    static final int WAIT_MILLIS = 10_000;

    @Autowired
    ItemRuns runs;

    @Autowired
    BatchEvents events;

    @Autowired
    JdbcAggregateTemplate aggregates;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private final List<BatchChange> heardHere = new CopyOnWriteArrayList<>();
    private BatchEvents.Subscription subscription;
    private Connection otherNode;
    private VideoItem queued;

    @BeforeEach
    void aQueuedItemAndAnotherNodeListening() throws SQLException {
        otherNode = dataSource.getConnection();
        otherNode.setAutoCommit(true);
        try (Statement listen = otherNode.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        Instant now = Instant.now();
        Batch batch = new Batch(UUID.randomUUID(), "Notified " + UUID.randomUUID(), BatchStatus.RUNNING, "tester",
                now, now, null, 1, 2, OnErrorPolicy.CONTINUE, null, false, false);
        VideoItem pending = VideoItem.pending(batch.id(), 1, "https://www.youtube.com/watch?v=capNOTIFY01",
                "capNOTIFY01");
        queued = new VideoItem(pending.id(), batch.id(), 1, pending.url(), pending.videoId(), null, null, null, null,
                ItemStatus.QUEUED, null, null, 0, UUID.randomUUID(), now, null, null, null, null, null, null, null, null);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            aggregates.insert(batch);
            aggregates.insert(queued);
        });
        subscription = events.subscribe(change -> {
            if (queued.id().equals(change.itemId())) {
                heardHere.add(change);
            }
        });
    }

    @AfterEach
    void stopListening() throws SQLException {
        subscription.close();
        try (Statement unlisten = otherNode.createStatement()) {
            unlisten.execute("UNLISTEN *");
        }
        otherNode.close();
    }

    @Test
    void a_completion_reaches_the_other_nodes_even_when_its_node_stops_right_after_the_commit() throws SQLException {
        ItemRun run = runs.start(queued.id(), queued.jobId()).orElseThrow();
        assertThat(awaitNotificationOfTheItem()).isTrue();

        // ItemRun's transaction joins this one; a synchronization registered first fails after the commit, so
        // nothing registered after it runs, as when the node is killed (SIGKILL) right after committing.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    throw new IllegalStateException("the node stopped right after its commit");
                }
            });
            run.succeeded();
        })).hasMessageContaining("stopped right after its commit");

        assertThat(runs.items.findById(queued.id()).orElseThrow().status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(awaitNotificationOfTheItem()).as("the other node heard of the completion").isTrue();
    }

    @Test
    void this_nodes_listeners_hear_a_change_only_once_it_is_committed() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            runs.start(queued.id(), queued.jobId()).orElseThrow();
            assertThat(heardHere).as("heard before the commit").isEmpty();
        });

        assertThat(heardHere).singleElement().isEqualTo(new BatchChange(queued.batchId(), queued.id()));
    }

    /** Whether a notification naming the item arrives within {@link #WAIT_MILLIS}; others are skipped. */
    private boolean awaitNotificationOfTheItem() throws SQLException {
        PGConnection pg = otherNode.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            PGNotification[] notifications = pg.getNotifications(250);
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                if (notification.getParameter().endsWith(" " + queued.id())) {
                    return true;
                }
            }
        }
        return false;
    }
}
