package dev.tubebatch.export;

import dev.tubebatch.database.HeldConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writer nodes as PostgreSQL sees them: each process picks a random id and holds the advisory lock
 * ({@link #NAMESPACE}, id) on a connection of its own for as long as it runs. A node is alive while its lock is
 * held; when a process dies its connection closes and the lock goes with it, so no heartbeat or table is needed,
 * and a web-only node (which JobRunr does not list as a server) counts as well. If the connection breaks (a
 * database restart), a keeper thread takes the lock again.
 */
@Component
class DatabaseWriterNodes implements WriterNodes, SmartLifecycle {

    /** The first key of the node locks: "tb" and 1, apart from the folder locks ({@link FolderWriteLock}). */
    static final int NAMESPACE = 0x7462_0001;
    private static final Logger log = LoggerFactory.getLogger(DatabaseWriterNodes.class);
    private static final Duration CHECK = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final HeldConnection keeper;
    private final Object locked = new Object();
    private volatile int id = newId();

    DatabaseWriterNodes(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.keeper = new HeldConnection("tubebatch-writer-node", () -> "Writer node " + self() + "'s lock",
                dataSource, this::keep);
    }

    @Override
    public String self() {
        return HexFormat.of().toHexDigits(id);
    }

    @Override
    public boolean alive(String node) {
        if (node.equals(self())) {
            return true;
        }
        int other;
        try {
            other = HexFormat.fromHexDigits(node);
        } catch (IllegalArgumentException e) {
            return false; // not an id a node takes
        }
        try {
            return jdbc.sql("""
                    select exists (select 1 from pg_locks where locktype = 'advisory' and granted
                                     and database = (select oid from pg_database where datname = current_database())
                                     and classid::bigint = :namespace and objid::bigint = :node and objsubid = 2)""")
                    .param("namespace", NAMESPACE).param("node", other).query(Boolean.class).single();
        } catch (RuntimeException e) {
            log.debug("Could not tell whether writer node {} is alive; taking it as alive", node, e);
            return true;
        }
    }

    @Override
    public void start() {
        keeper.start();
        synchronized (locked) { // the first lock is taken before anything is written, unless the database is away
            try {
                locked.wait(CHECK.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        keeper.stop();
    }

    @Override
    public boolean isRunning() {
        return keeper.isRunning();
    }

    /** Holds this node's lock on the kept connection while it is valid; the keeper takes it again on a new one. */
    private void keep(Connection connection, Runnable established) throws SQLException, InterruptedException {
        while (!lock(connection, "pg_try_advisory_lock", id)) {
            // Another live process drew the same id (1 in 2^31): draw again before writing anything.
            log.info("Writer node id {} is taken; drawing another", self());
            id = newId();
        }
        int held = id;
        try {
            synchronized (locked) {
                locked.notifyAll();
            }
            established.run();
            log.debug("Writer node {} holds its lock", self());
            while (keeper.isRunning() && connection.isValid((int) CHECK.toSeconds())) {
                Thread.sleep(CHECK.toMillis());
            }
        } finally {
            // The connection goes back to the pool, where its session (and a session lock) lives on.
            unlock(connection, held);
        }
    }

    private static boolean lock(Connection connection, String function, int node) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?, ?)")) {
            lock.setInt(1, NAMESPACE);
            lock.setInt(2, node);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, int node) {
        try {
            lock(connection, "pg_advisory_unlock", node);
        } catch (SQLException e) {
            log.debug("Could not release writer node lock {} (the connection is gone, and the lock with it)", node, e);
        }
    }

    /** Positive, so that pg_locks shows it as the same number (its oid columns are unsigned). */
    private static int newId() {
        return ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }
}
