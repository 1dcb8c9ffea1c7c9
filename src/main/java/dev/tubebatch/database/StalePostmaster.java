package dev.tubebatch.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An app killed with {@code kill -9} leaves its embedded PostgreSQL running, holding the data directory. Before
 * starting a new server on that directory, stop the old one, but only if the pid file names a live postgres. Called
 * only when no live process holds the directory's lock ({@link RunningServer}): a server whose owner lives is joined,
 * never stopped.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void stopIfLeftRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        boolean isPostgres = process.flatMap(p -> p.info().command()).map(c -> c.contains("postgres")).orElse(false);
        if (process.isEmpty() || !isPostgres) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid, dataDirectory);
        process.get().destroy();
        try {
            process.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL pid {} did not stop in 30 s; killing it", pid);
            process.get().destroyForcibly();
        }
    }
}
