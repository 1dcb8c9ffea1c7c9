package dev.tubebatch.youtube;

import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one yt-dlp process to the end: stdout goes to a reader, stderr is kept (its tail) for error messages, and a
 * deadline bounds the whole call. The two streams are read concurrently so that neither pipe can fill up and stall
 * yt-dlp; on a timeout the process and everything it started (ffmpeg) is killed.
 *
 * <p>yt-dlp, and the ffmpeg it starts, get a minimal environment ({@link #childEnvironment}): the app's own holds
 * secrets (the database password, the dashboard's) that a tool fetching from the internet has no use for.
 */
final class ProcessRunner {

    /**
     * What yt-dlp and ffmpeg get of the app's environment: where programs and the home folder are, the locale, the
     * temporary folder and the proxy settings, in both the upper and lower case that tools read.
     */
    static final Set<String> PASSED_ENVIRONMENT = Set.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy");

    private static final Logger log = LoggerFactory.getLogger(ProcessRunner.class);
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("^([A-Za-z0-9+.-]+://)[^/@]*@");

    /** How much of stderr is kept: enough for yt-dlp's final ERROR line and the warnings before it. */
    static final int STDERR_TAIL_CHARS = 4000;

    private final Map<String, String> environment;

    ProcessRunner() {
        this(System.getenv());
    }

    /** @param parentEnvironment the environment to pass from: the app's own, or a test's */
    ProcessRunner(Map<String, String> parentEnvironment) {
        this.environment = childEnvironment(parentEnvironment);
    }

    /** The {@link #PASSED_ENVIRONMENT} variables of {@code parent}, and what makes Python speak UTF-8. */
    static Map<String, String> childEnvironment(Map<String, String> parent) {
        Map<String, String> child = new TreeMap<>();
        parent.forEach((name, value) -> {
            if (PASSED_ENVIRONMENT.contains(name)) {
                child.put(name, value);
            }
        });
        // yt-dlp is Python: without this its output follows the locale, which may not be UTF-8 (LANG=C in containers).
        child.put("PYTHONIOENCODING", "utf-8");
        child.put("PYTHONUTF8", "1");
        return Map.copyOf(child);
    }

    /** How long to wait for the streams to close once the process is gone (or killed). */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

    @FunctionalInterface
    interface OutputReader<T extends @Nullable Object> {
        /** Reads stdout. What it leaves unread is discarded; an exception fails the call only if yt-dlp succeeded. */
        T read(InputStream stdout) throws IOException;
    }

    /**
     * @param directory the working directory, or null for this process's
     * @throws YtDlpException on a non-zero exit, a timeout, a missing executable or unreadable output
     */
    <T extends @Nullable Object> T run(List<String> command, @Nullable Path directory, Duration timeout,
            OutputReader<T> reader) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().clear();
        builder.environment().putAll(environment);
        log.debug("Running {}", shown(command));

        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new YtDlpException(YtDlpFailure.NOT_INSTALLED, -1, "",
                    "Cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close(); // yt-dlp never reads stdin; a closed one cannot make it wait
        } catch (IOException ignored) {
            // nothing to do: the process has already gone
        }

        StderrTail stderr = new StderrTail(STDERR_TAIL_CHARS);
        Thread stderrPump = Thread.ofVirtual().name("yt-dlp-stderr-" + process.pid())
                .start(() -> stderr.drain(process.getErrorStream()));
        FutureTask<T> stdout = new FutureTask<>(() -> {
            try (InputStream in = process.getInputStream()) {
                try {
                    // Parsers close what they read (Jackson does after one JSON value); yt-dlp may still be writing
                    // its last bytes, and a closed pipe kills it with a broken pipe and exit 1. Keep it open.
                    return reader.read(new FilterInputStream(in) {
                        @Override
                        public void close() {}
                    });
                } finally {
                    drainQuietly(in); // a reader that stops early must not leave yt-dlp blocked on a full pipe
                }
            }
        });
        Thread.ofVirtual().name("yt-dlp-stdout-" + process.pid()).start(stdout);

        try {
            boolean finished = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            Throwable unreadable = null;
            if (finished) {
                try {
                    stdout.get(remaining(deadline), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    unreadable = e.getCause();
                } catch (TimeoutException e) {
                    finished = false; // yt-dlp is gone but something it started still holds stdout open
                }
            }
            if (!finished) {
                killTree(process);
                stderrPump.join(DRAIN_GRACE);
                throw new YtDlpException(YtDlpFailure.TIMEOUT, -1, stderr.tail(),
                        "yt-dlp did not finish within " + timeout + ": " + shown(command));
            }
            if (!stderrPump.join(DRAIN_GRACE)) {
                log.debug("stderr of yt-dlp {} still open after it exited", process.pid());
            }
            int exitCode = process.exitValue();
            String tail = stderr.tail();
            if (exitCode != 0) {
                YtDlpFailure failure = YtDlpErrors.classify(exitCode, tail);
                String summary = YtDlpErrors.summary(tail);
                throw new YtDlpException(failure, exitCode, tail, "yt-dlp failed (" + failure + ", exit " + exitCode
                        + ")" + (summary.isEmpty() ? "" : ": " + summary));
            }
            if (unreadable != null) {
                throw new YtDlpException(YtDlpFailure.UNKNOWN, exitCode, tail,
                        "Unexpected output from yt-dlp: " + unreadable.getMessage(), unreadable);
            }
            return stdout.resultNow(); // the get() above returned: the reader's own value, null included
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            throw new YtDlpException(YtDlpFailure.UNKNOWN, -1, stderr.tail(), "Interrupted while yt-dlp was running", e);
        } finally {
            if (process.isAlive()) {
                killTree(process);
            }
        }
    }

    /** The command as logs and messages show it: a proxy's user and password left out. */
    static List<String> shown(List<String> command) {
        List<String> shown = new java.util.ArrayList<>(command.size());
        for (int i = 0; i < command.size(); i++) {
            String argument = command.get(i);
            shown.add(i > 0 && command.get(i - 1).equals("--proxy") ? USER_INFO.matcher(argument).replaceFirst("$1")
                    : argument);
        }
        return shown;
    }

    /**
     * Kills the process and its descendants. The descendants are listed first: once their parent is dead they are
     * re-parented and no longer found through it.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** An {@link OutputReader} for calls whose stdout is only progress lines. */
    static Void drainQuietlyReader(InputStream in) {
        drainQuietly(in);
        return null;
    }

    static void drainQuietly(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the stream was closed: nothing is left to block on
        }
    }

    /** The last characters of a stream, kept while the rest is thrown away. */
    static final class StderrTail {

        private final int limit;
        private final StringBuilder text = new StringBuilder();

        StderrTail(int limit) {
            this.limit = limit;
        }

        void drain(InputStream in) {
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buffer = new char[8192];
                int read;
                while ((read = reader.read(buffer)) != -1) {
                    append(buffer, read);
                }
            } catch (IOException ignored) {
                // the process was killed: what was read so far is the tail
            }
        }

        synchronized void append(char[] chars, int length) {
            text.append(chars, 0, length);
            if (text.length() > 2 * limit) {
                text.delete(0, text.length() - limit);
            }
        }

        synchronized String tail() {
            return text.length() <= limit ? text.toString() : text.substring(text.length() - limit);
        }
    }
}
