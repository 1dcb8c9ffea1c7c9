package dev.tubebatch.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts JobRunr's background job server again after it stopped itself. JobRunr OSS stops its server after a few
 * storage errors in a row (a PostgreSQL restart, a network cut) and never starts it again, so without this a
 * short database outage would leave every batch waiting until someone restarts the app. Once the database
 * answers again, this starts the server; its jobs that were cut off are found as orphans and run again from
 * their recorded steps.
 */
@Component
class JobServerWatchdog {

    private static final Logger log = LoggerFactory.getLogger(JobServerWatchdog.class);

    private final ObjectProvider<BackgroundJobServer> server;
    private final DataSource dataSource;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean seenRunning;
    private volatile boolean closing;

    JobServerWatchdog(ObjectProvider<BackgroundJobServer> server, DataSource dataSource) {
        this.server = server;
        this.dataSource = dataSource;
    }

    /** The app is shutting down: JobRunr stops on purpose now. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        closing = true;
    }

    /** Runs every {@link EngineProperties#watchdogInterval()} ({@link EngineSchedule}). */
    void check() {
        BackgroundJobServer jobServer = server.getIfAvailable();
        if (closing || jobServer == null) {
            return;
        }
        if (jobServer.isRunning()) {
            seenRunning = true;
            return;
        }
        if (!seenRunning || !databaseAnswers()) {
            // Not started yet (start-up), or the database is still away: look again later.
            return;
        }
        log.warn("JobRunr's background job server has stopped (it does after repeated database errors); "
                + "the database answers again, so it is started again");
        try {
            jobServer.start();
            restarts.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("Starting JobRunr's background job server again failed; trying again later", e);
        }
    }

    /** How many times the server was started again; for tests and the system view. */
    int restarts() {
        return restarts.get();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
