package dev.tubebatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app as a separate JVM, started from the test's own classpath, so a test can kill it with SIGKILL and start
 * it again. Its output goes to a log file; {@link #awaitStarted} waits for Spring Boot's "Started" line.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static AppProcess start(Map<String, String> properties, Path log) {
        return start(List.of("-Xmx768m"), properties, log);
    }

    /** Starts the app with these JVM options (a heap limit, for example) instead of the default {@code -Xmx768m}. */
    public static AppProcess start(List<String> jvmOptions, Map<String, String> properties, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.tubebatch.Application");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new AppProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AppProcess awaitStarted(Duration limit) {
        Eventually.within(limit, "the app to start (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The app exited with " + process.exitValue() + "; see " + log);
            }
            return logText().contains("Started Application");
        });
        return this;
    }

    /** Kills the JVM at once, as a crash or {@code kill -9} would: no shutdown hooks run. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False once the JVM has exited, killed or not. */
    public boolean isAlive() {
        return process.isAlive();
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
