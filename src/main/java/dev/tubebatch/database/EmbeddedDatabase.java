package dev.tubebatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL this process uses: one it started and stops when it ends, or one that another tubebatch
 * process on the same data folder runs, which it only connects to and leaves running.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** How long a process waits for a server that another one is still starting. */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(60);

    private final int port;
    private final String password;
    private final @Nullable EmbeddedPostgres owned;

    private EmbeddedDatabase(int port, String password, @Nullable EmbeddedPostgres owned) {
        this.port = port;
        this.password = password;
        this.owned = owned;
    }

    /**
     * Joins the server another live process runs on the data folder, or else starts one: first stopping a server
     * whose owner was killed, then starting (two processes starting at once: the one that loses the lock joins).
     */
    static EmbeddedDatabase startOrJoin(EmbeddedDatabaseProperties properties)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (RunningServer.lockHeldElsewhere(properties.dataDirectory())) {
                return join(properties);
            }
            StalePostmaster.stopIfLeftRunning(properties.dataDirectory());
            DatabasePassword password = DatabasePassword.loadOrCreate(properties.passwordFile());
            try {
                EmbeddedPostgres postgres = EmbeddedServer.start(properties, password);
                log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}{}", postgres.getPort(),
                        properties.dataDirectory().toAbsolutePath(),
                        properties.durable() ? "" : " (not durable: fsync and synchronous_commit off)");
                return new EmbeddedDatabase(postgres.getPort(), password.value(), postgres);
            } catch (IllegalStateException e) {
                // The library's "could not lock": another process took the lock since it was tried above.
                if (attempt >= 3 || !RunningServer.lockHeldElsewhere(properties.dataDirectory())) {
                    throw e;
                }
            }
        }
    }

    private static EmbeddedDatabase join(EmbeddedDatabaseProperties properties)
            throws IOException, InterruptedException {
        String folder = properties.dataDirectory().toAbsolutePath().toString();
        if (!properties.joinRunning()) {
            throw new IllegalStateException("The embedded PostgreSQL in " + folder + " is run by another tubebatch"
                    + " process (a 'tubebatch batch' run), and stops when that process ends; start the app when it"
                    + " has finished");
        }
        RunningServer server = RunningServer.await(properties.dataDirectory(), JOIN_WAIT)
                .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL in " + folder
                        + " is locked by another process but does not answer"));
        String password = DatabasePassword.read(properties.passwordFile());
        if (password == null) {
            throw new IllegalStateException("No password file " + properties.passwordFile().toAbsolutePath()
                    + " for the embedded PostgreSQL in " + folder);
        }
        log.info("Using the embedded PostgreSQL that process {} runs on 127.0.0.1:{}, data in {}; it stays"
                + " running after this process", server.pid(), server.port(), folder);
        return new EmbeddedDatabase(server.port(), password, null);
    }

    int port() {
        return port;
    }

    String password() {
        return password;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    boolean owner() {
        return owned != null;
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabase[127.0.0.1:" + port + (owned != null ? ", owner" : ", joined") + "]";
    }
}
