package dev.tubebatch.youtube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import dev.tubebatch.youtube.budget.CallKind;
import dev.tubebatch.youtube.budget.GateClosed;
import dev.tubebatch.youtube.budget.Permit;
import dev.tubebatch.youtube.budget.ProxyAddress;
import dev.tubebatch.youtube.budget.YouTubeGate;
import dev.tubebatch.youtube.budget.YouTubeProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command lines {@link YtDlpClient} runs, and the runs themselves: the program, yt-dlp's own pacing, a copy of
 * the cookies and the proxy the {@link YouTubeGate} hands out, then the call's options, then {@code --} and the URL.
 *
 * <p>An argument list, never a shell line; every URL is checked ({@link #checkUrl}) and comes after {@code --}, so
 * nothing a user types can become an option. A failure's message and stderr never show the proxy's user and password.
 */
final class YtDlpCommands {

    private static final Logger log = LoggerFactory.getLogger(YtDlpCommands.class);

    private final YtDlpProperties properties;
    private final ProcessRunner runner = new ProcessRunner();
    private final @Nullable YouTubeGate gate;
    private final YouTubeProperties pacing;

    private final @Nullable CookieJar cookies;
    private volatile @Nullable Path cookieCopies;
    private volatile @Nullable String help; // yt-dlp --help, read once: which options this yt-dlp knows

    YtDlpCommands(YtDlpProperties properties, @Nullable YouTubeGate gate, YouTubeProperties pacing,
            @Nullable CookieJar cookies) {
        this.properties = properties;
        this.gate = gate;
        this.pacing = pacing;
        this.cookies = cookies;
    }

    /**
     * Only http(s) URLs reach yt-dlp: other schemes would let it read local files, and anything starting with '-'
     * must not even look like an option (it comes after {@code --} anyway).
     */
    static String checkUrl(@Nullable String url) {
        if (url == null) {
            throw new IllegalArgumentException("URL is missing");
        }
        String trimmed = url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException("Not an http(s) URL: " + url);
        }
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("URL contains spaces or control characters: " + url);
        }
        return trimmed;
    }

    /**
     * One call that reaches YouTube: {@code options}, then {@code --} and {@code url}; its turn at the gate, the run,
     * and a block reported to the gate. A call the gate holds back, or a block that opens the breaker, ends in
     * {@link YouTubePaused}.
     *
     * @param url a URL that {@link #checkUrl} returned
     */
    <T extends @Nullable Object> T call(CallKind kind, String url, List<String> options, @Nullable Path directory,
            Duration timeout, ProcessRunner.OutputReader<T> reader) {
        List<String> arguments = new ArrayList<>(options.size() + 2);
        arguments.addAll(options);
        arguments.addAll(List.of("--", url));
        List<String> command = command(kind, arguments);
        if (gate == null) {
            return runner.run(command, directory, timeout, reader);
        }
        Permit permit;
        try {
            permit = gate.acquire(kind);
        } catch (GateClosed closed) {
            throw new YouTubePaused(closed.getMessage() == null ? "YouTube paused" : closed.getMessage(),
                    closed.until(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new YtDlpException(YtDlpFailure.UNKNOWN, -1, "", "Interrupted while waiting for YouTube's budget", e);
        }
        ProxyAddress proxy = permit.proxy();
        List<String> through = new ArrayList<>(command);
        if (proxy != null) {
            through.addAll(1, List.of("--proxy", proxy.url()));
        }
        Path cookieCopy = cookies == null ? null : cookies.copyFor(cookieCopies()).orElse(null);
        if (cookieCopy != null) {
            through.addAll(1, List.of("--cookies", cookieCopy.toString()));
        }
        try {
            return runner.run(through, directory, timeout, reader);
        } catch (YtDlpException raw) {
            YtDlpException e = withCookieHint(proxy == null ? raw : scrubbed(raw, proxy), cookieCopy != null);
            if (e.failure() == YtDlpFailure.BOT_CHECK || e.failure() == YtDlpFailure.RATE_LIMITED) {
                try {
                    gate.blocked(permit, e.failure() == YtDlpFailure.BOT_CHECK, YouTubeIds.videoId(url));
                } catch (GateClosed closed) {
                    throw new YouTubePaused(closed.getMessage() == null ? "YouTube paused" : closed.getMessage(),
                            closed.until(), e);
                }
            }
            throw e;
        } finally {
            if (cookieCopy != null) {
                try {
                    Files.deleteIfExists(cookieCopy);
                } catch (IOException ignored) {
                    // an owner-only file in an owner-only folder; the next start's temporary folder is a new one
                }
            }
        }
    }

    /** yt-dlp with {@code option} alone ({@code --version}, {@code --help}): no gate, no pacing, no URL. */
    String local(String option) {
        return runner.run(command(null, List.of(option)), null, properties.metadataTimeout(),
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /**
     * Whether the installed yt-dlp knows {@code option}, from its {@code --help} (read once). Optional options (the
     * pacing flags) are passed only when it does: an old yt-dlp stops at an option it does not know.
     */
    boolean supports(String option) {
        String text = help;
        if (text == null) {
            try {
                text = local("--help");
            } catch (YtDlpException e) {
                log.warn("yt-dlp --help failed ({}); optional options are left out", e.getMessage());
                text = "";
            }
            help = text;
        }
        return Pattern.compile("(^|[\\s,])" + Pattern.quote(option) + "([\\s,=]|$)", Pattern.MULTILINE)
                .matcher(text).find();
    }

    /** An age-restricted or members-only video without cookies: the message says that cookies would help. */
    private static YtDlpException withCookieHint(YtDlpException e, boolean hadCookies) {
        if (hadCookies || (e.failure() != YtDlpFailure.AGE_RESTRICTED && e.failure() != YtDlpFailure.MEMBERS_ONLY)) {
            return e;
        }
        return new YtDlpException(e.failure(), e.exitCode(), e.stderrTail(), (e.getMessage() == null ? ""
                : e.getMessage()) + " " + YtDlpClient.COOKIES_WOULD_HELP);
    }

    /** The owner-only folder where each call's copy of the cookies lives for the call. */
    private Path cookieCopies() {
        Path folder = cookieCopies;
        if (folder == null) {
            synchronized (this) {
                folder = cookieCopies;
                if (folder == null) {
                    try {
                        folder = Files.createTempDirectory("tubebatch-cookies-",
                                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot make a folder for the cookies' copies", e);
                    }
                    cookieCopies = folder;
                }
            }
        }
        return folder;
    }

    /** The failure as people may see it: the proxy's user and password never in its message or stderr. */
    private static YtDlpException scrubbed(YtDlpException e, ProxyAddress proxy) {
        if (!proxy.hasCredentials()) {
            return e;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        return new YtDlpException(e.failure(), e.exitCode(), proxy.scrub(e.stderrTail()), proxy.scrub(message));
    }

    /** The program, yt-dlp's own pacing for a call of {@code kind} (none for calls that do not reach YouTube), then the arguments. */
    private List<String> command(@Nullable CallKind kind, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 5);
        command.add(properties.path());
        if (kind != null && gate != null) {
            if (pacing.sleepRequests() > 0 && supports("--sleep-requests")) {
                command.addAll(List.of("--sleep-requests", seconds(pacing.sleepRequests())));
            }
            long subtitles = Math.round(pacing.sleepSubtitles()); // yt-dlp reads whole seconds here
            if (kind == CallKind.CAPTIONS && subtitles > 0 && supports("--sleep-subtitles")) {
                command.addAll(List.of("--sleep-subtitles", Long.toString(subtitles)));
            }
        }
        command.addAll(arguments);
        return command;
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
