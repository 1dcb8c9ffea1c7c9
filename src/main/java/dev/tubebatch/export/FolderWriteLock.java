package dev.tubebatch.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One writer at a time for a batch folder, across every node that shares the output root: a PostgreSQL advisory
 * lock on the folder's name ({@link #NAMESPACE}, {@code hashtext(name)}), held on a connection of its own for as
 * long as the folder is written. It is a transaction lock, taken with {@code pg_try_advisory_xact_lock} in a loop
 * bounded in time and released when that transaction ends, so a writer that dies or loses its connection never
 * leaves it held. Keyed on the folder rather than the batch id, it also keeps apart two older batches that share
 * a folder.
 *
 * <p>Threads of one node first queue on a lock in memory, so only one of them holds a connection while waiting for
 * another node; and at most {@link #WRITERS} folders are written at once per node, because each write keeps a
 * connection for its whole length and borrows another for its queries: the pool stays free for jobs and requests.
 */
@Component
class FolderWriteLock {

    /** The first key of the folder locks: "tb" and 2, apart from the node locks ({@link DatabaseWriterNodes}). */
    static final int NAMESPACE = 0x7462_0002;
    static final int WRITERS = 4;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(50);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final Duration maxWait;
    private final ConcurrentHashMap<String, ReentrantLock> local = new ConcurrentHashMap<>();
    private final Semaphore writers = new Semaphore(WRITERS, true);

    FolderWriteLock(DataSource dataSource, @Value("${tubebatch.output.lock-wait:PT10M}") Duration maxWait) {
        this.dataSource = dataSource;
        this.maxWait = maxWait;
    }

    /**
     * Runs {@code work} while no other thread or node writes the folder {@code name}.
     *
     * @throws IllegalStateException if another node kept the folder for longer than {@code tubebatch.output.lock-wait}
     */
    <T> T holding(String name, Supplier<T> work) {
        ReentrantLock lock = local.computeIfAbsent(name, k -> new ReentrantLock());
        if (lock.isHeldByCurrentThread()) {
            return work.get(); // already holds the database lock too, on its own connection
        }
        lock.lock();
        try {
            writers.acquireUninterruptibly();
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    waitFor(connection, name);
                    return work.get();
                } finally {
                    connection.rollback(); // ends the transaction, and with it the lock
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not lock the output folder " + name + ": " + e.getMessage(), e);
            } finally {
                writers.release();
            }
        } finally {
            lock.unlock();
        }
    }

    private void waitFor(Connection connection, String name) throws SQLException {
        Instant deadline = Instant.now().plus(maxWait);
        Duration pause = FIRST_PAUSE;
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, NAMESPACE);
            lock.setString(2, name);
            while (true) {
                try (ResultSet result = lock.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return;
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Another node has been writing the output folder " + name
                            + " for more than " + maxWait.toMinutes() + " minutes; try again later");
                }
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting to write " + name, e);
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
