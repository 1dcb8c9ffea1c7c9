package dev.tubebatch.cluster;

import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.database.HeldConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Progress across nodes: every change this node publishes is sent with PostgreSQL {@code NOTIFY} (within the
 * transaction that makes it, so it arrives exactly when that commits, even if this node dies then), and a listener
 * thread on a connection of its own ({@code LISTEN}) hands changes made on other nodes to this node's
 * {@link BatchEvents}, so a browser attached to a web node sees a worker's progress. A notification carries only
 * ids; listeners re-read the database. If the listening connection breaks (a database restart, its backend
 * terminated), it reconnects with a growing pause, and the notifications sent meanwhile are lost: once it listens
 * again, it tells this node's listeners of a batch-level change of every batch not finished and of every batch that
 * finished since the break, so open views re-read and event streams catch up (they send what differs from what they
 * sent). Views also re-read on attach, so nothing is lost for good.
 */
@Component
class ClusterProgress implements SmartLifecycle {

    static final String CHANNEL = "tubebatch_progress";
    private static final Logger log = LoggerFactory.getLogger(ClusterProgress.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** Batches finished this long before the break count too: the database's clock may differ from this node's. */
    private static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    /** A bound on the batches told of after a break; the newest come first. */
    static final int CATCH_UP_LIMIT = 500;

    private final JdbcClient jdbc;
    private final BatchEvents events;
    private final BatchQueries batches;
    private final HeldConnection listener;
    private final String nodeId = UUID.randomUUID().toString();
    /** When the listening connection was last known to work; null before it first listened. */
    private volatile @Nullable Instant lastHeard;
    /** Since when this node may have missed notifications; null while nothing is to catch up. */
    private volatile @Nullable Instant missedSince;

    ClusterProgress(DataSource dataSource, JdbcClient jdbc, BatchEvents events, BatchQueries batches) {
        this.jdbc = jdbc;
        this.events = events;
        this.batches = batches;
        this.listener = new HeldConnection("tubebatch-cluster-listen", () -> "Progress from other nodes", dataSource,
                this::listen);
    }

    @Override
    public void start() {
        events.forwardToOtherNodes(this::notifyOthers);
        listener.start();
    }

    @Override
    public void stop() {
        events.forwardToOtherNodes(change -> { });
        listener.stop();
    }

    @Override
    public boolean isRunning() {
        return listener.isRunning();
    }

    /** Sent on the transaction's connection when there is one, so the notification is delivered on its commit. */
    private void notifyOthers(BatchChange change) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", encode(nodeId, change))
                .query().singleRow();
    }

    private void listen(Connection connection, Runnable established) throws SQLException {
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        established.run();
        lastHeard = Instant.now();
        log.debug("Listening for progress from other nodes");
        Instant missed = missedSince;
        if (missed != null) {
            catchUp(missed);
            missedSince = null;
        }
        try {
            while (listener.isRunning()) {
                PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                lastHeard = Instant.now();
                for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                    BatchChange change = decode(nodeId, notification.getParameter());
                    if (change != null) {
                        events.deliverLocally(change);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            missedSince = lastHeard;
            throw e;
        }
    }

    /**
     * After a break, listening again (so nothing falls between): a batch-level change of each batch that may have
     * changed meanwhile, for this node's listeners to re-read.
     */
    private void catchUp(Instant missed) {
        var stale = batches.unfinishedOrFinishedSince(missed.minus(CLOCK_MARGIN), CATCH_UP_LIMIT);
        log.info("Listening again for progress from other nodes; refreshing {} batches", stale.size());
        stale.forEach(batchId -> events.deliverLocally(BatchChange.ofBatch(batchId)));
    }

    static String encode(String nodeId, BatchChange change) {
        return nodeId + " " + change.batchId() + " " + (change.itemId() == null ? "-" : change.itemId());
    }

    /** The change in a notification from another node; null for this node's own or a malformed one. */
    static @Nullable BatchChange decode(String nodeId, @Nullable String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ");
        if (parts.length != 3 || parts[0].equals(nodeId)) {
            return null;
        }
        try {
            return new BatchChange(UUID.fromString(parts[1]), parts[2].equals("-") ? null : UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring a malformed progress notification: {}", payload);
            return null;
        }
    }
}
