package dev.tubebatch.cluster;

import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
 * Progress across nodes: every change this node publishes is sent with PostgreSQL {@code NOTIFY}, and a listener
 * thread on a connection of its own ({@code LISTEN}) hands changes made on other nodes to this node's
 * {@link BatchEvents}, so a browser attached to a web node sees a worker's progress. A notification carries only
 * ids; listeners re-read the database. If the listening connection breaks (a database restart), it reconnects
 * with a growing pause; views also re-read on attach, so nothing is lost for good.
 */
@Component
class ClusterProgress implements SmartLifecycle {

    static final String CHANNEL = "tubebatch_progress";
    private static final Logger log = LoggerFactory.getLogger(ClusterProgress.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final BatchEvents events;
    private final String nodeId = UUID.randomUUID().toString();
    private volatile boolean running;
    private @Nullable Thread listener;

    ClusterProgress(DataSource dataSource, JdbcClient jdbc, BatchEvents events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
        events.forwardToOtherNodes(this::notifyOthers);
        listener = Thread.ofPlatform().daemon().name("tubebatch-cluster-listen").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        events.forwardToOtherNodes(change -> { });
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Sent outside any transaction: publish is called after commit. */
    private void notifyOthers(BatchChange change) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL)
                .param("payload", encode(nodeId, change))
                .query().singleRow();
    }

    private void listen() {
        Duration pause = Duration.ofMillis(200);
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                pause = Duration.ofMillis(200);
                log.debug("Listening for progress from other nodes");
                while (running) {
                    PGNotification[] notifications = pg.getNotifications((int) POLL.toMillis());
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        BatchChange change = decode(nodeId, notification.getParameter());
                        if (change != null) {
                            events.deliverLocally(change);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Progress from other nodes interrupted ({}); listening again in {} ms", e.getMessage(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
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
