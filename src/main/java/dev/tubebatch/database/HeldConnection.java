package dev.tubebatch.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled connection held by a daemon thread for as long as the node runs, for work that lives on a database
 * session ({@code LISTEN}, a session advisory lock). When the connection breaks (a database restart) the thread
 * takes a new one after a pause that doubles from 200 ms up to 10 s, and starts the work again on it.
 */
public final class HeldConnection {

    /** The work done on the held connection; it returns or throws when the connection is to be taken again. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param connection in auto-commit mode, returned to the pool when the work ends
         * @param established to call once the session is set up, so the next break starts from the shortest pause
         */
        void run(Connection connection, Runnable established) throws SQLException, InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(HeldConnection.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

    private final String threadName;
    private final Supplier<String> purpose;
    private final DataSource dataSource;
    private final Work work;
    private volatile boolean running;
    private volatile Duration pause = FIRST_PAUSE;
    private @Nullable Thread thread;

    /** @param purpose what the connection is held for, as the warning on a break names it */
    public HeldConnection(String threadName, Supplier<String> purpose, DataSource dataSource, Work work) {
        this.threadName = threadName;
        this.purpose = purpose;
        this.dataSource = dataSource;
        this.work = work;
    }

    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name(threadName).start(this::hold);
    }

    /** Ends the work: the thread is interrupted and given two seconds to give its connection back. */
    public void stop() {
        running = false;
        Thread held = thread;
        if (held != null) {
            held.interrupt();
            try {
                held.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True from {@link #start} to {@link #stop}; the work's loops run while it is. */
    public boolean isRunning() {
        return running;
    }

    private void hold() {
        while (running) {
            try {
                holdOnce();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("{}: the connection broke ({}); taking another in {} ms", purpose.get(), e.getMessage(),
                        pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
            }
        }
    }

    private void holdOnce() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try {
                work.run(connection, () -> pause = FIRST_PAUSE);
            } catch (SQLException | RuntimeException e) {
                evict(connection);
                throw e;
            }
        }
    }

    /**
     * A connection whose work failed may be dead (its server process ended) without the pool knowing: the work uses
     * the driver's own connection for {@code LISTEN}, past the pool's checks. It leaves the pool when it is closed,
     * so that neither the next try nor another caller is handed it.
     */
    private void evict(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            }
        } catch (SQLException e) {
            log.debug("Could not take a broken connection out of the pool", e);
        }
    }
}
