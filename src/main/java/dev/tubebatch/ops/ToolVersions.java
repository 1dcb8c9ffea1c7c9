package dev.tubebatch.ops;

import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The versions of the tools this node runs (yt-dlp, ffmpeg), or why one is missing; read at most once a minute. */
@Component
public class ToolVersions {

    static final Duration CACHE = Duration.ofMinutes(1);

    /** A tool's version line, or the reason it could not be run. */
    public record Tool(String name, boolean healthy, String version) {}

    private final YtDlpClient ytDlp;
    private final Clock clock;
    private volatile @Nullable Tool ytDlpTool; // null until the first refresh()
    private volatile @Nullable Tool ffmpegTool;
    private volatile Instant readAt = Instant.MIN;

    ToolVersions(YtDlpClient ytDlp, Clock clock) {
        this.ytDlp = ytDlp;
        this.clock = clock;
    }

    public Tool ytDlp() {
        refresh();
        return Objects.requireNonNull(ytDlpTool);
    }

    /** yt-dlp's release date, when its version is one. */
    public Optional<YtDlpVersion> ytDlpVersion() {
        Tool tool = ytDlp();
        return tool.healthy() ? YtDlpVersion.parse(tool.version()) : Optional.empty();
    }

    /** yt-dlp's age in days, when its version is a date. */
    public Optional<Long> ytDlpAgeDays() {
        return ytDlpVersion().map(v -> v.ageDays(LocalDate.ofInstant(clock.instant(), clock.getZone())));
    }

    /** The warning for a yt-dlp older than 60 days, saying how to update it. */
    public Optional<String> ytDlpWarning() {
        return ytDlpVersion().flatMap(v -> v.warning(LocalDate.ofInstant(clock.instant(), clock.getZone())));
    }

    public Tool ffmpeg() {
        refresh();
        return Objects.requireNonNull(ffmpegTool);
    }

    private synchronized void refresh() {
        Instant now = clock.instant();
        if (readAt.plus(CACHE).isAfter(now)) {
            return;
        }
        try {
            ytDlpTool = new Tool("yt-dlp", true, ytDlp.version());
        } catch (RuntimeException e) {
            ytDlpTool = new Tool("yt-dlp", false, String.valueOf(e.getMessage()));
        }
        ffmpegTool = ffmpegVersion();
        readAt = now;
    }

    /** The first line of {@code ffmpeg -version} (fixed arguments; nothing from users reaches this command). */
    static Tool ffmpegVersion() {
        try {
            Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Tool("ffmpeg", false, "did not answer in 10 s");
            }
            String first = output.lines().findFirst().orElse("").strip();
            return process.exitValue() == 0 ? new Tool("ffmpeg", true, first)
                    : new Tool("ffmpeg", false, "exit " + process.exitValue() + ": " + first);
        } catch (IOException e) {
            return new Tool("ffmpeg", false, "not found: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Tool("ffmpeg", false, "interrupted");
        }
    }
}
