package dev.tubebatch.youtube;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.tubebatch.youtube.budget.CallKind;
import dev.tubebatch.youtube.budget.GateClosed;
import dev.tubebatch.youtube.budget.Permit;
import dev.tubebatch.youtube.budget.ProxyAddress;
import dev.tubebatch.youtube.budget.YouTubeGate;
import dev.tubebatch.youtube.budget.YouTubeProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Runs yt-dlp for metadata, captions, audio and playlist listings.
 *
 * <p>yt-dlp gets an argument list, never a shell line, and every URL comes after {@code --}, so nothing a user types
 * can become an option. Configuration files are ignored ({@code --ignore-config}) so that a user's yt-dlp settings
 * cannot change what this class finds on disk. Every call is bounded by a timeout; failures arrive as
 * {@link YtDlpException} with a {@link YtDlpFailure} that says whether trying again can help.
 *
 * <p>Every call that reaches YouTube first waits for its turn at the {@link YouTubeGate} (the cluster's request budget
 * and circuit breaker) and reports a bot check or 429 there; a call the gate holds back ends in {@link YouTubePaused}.
 */
@Component
public class YtDlpClient {

    private static final Logger log = LoggerFactory.getLogger(YtDlpClient.class);

    /** json3 keeps YouTube's exact timings; vtt is the next best; anything else only when neither exists. */
    private static final String SUB_FORMAT = "json3/vtt/best";
    private static final List<String> CAPTION_EXTENSIONS = List.of("json3", "vtt", "srt");
    private static final String AUDIO_FILE = "audio.wav";
    /** What an age-restricted or members-only video's error adds when no cookies were given. */
    public static final String COOKIES_WOULD_HELP = "YouTube cookies of an account that may watch it would help: an"
            + " admin adds a cookies file in the System view, then Retry failed uses them.";
    private static final String EXTRACT_AUDIO_LINE = "[ExtractAudio] Destination: ";
    /** A channel's root lists its tabs, not its videos; its Videos tab is what a user means by "this channel". */
    private static final Pattern CHANNEL_ROOT = Pattern.compile(
            "^(https?://(?:www\\.|m\\.)?youtube\\.com/(?:@[^/?#]+|channel/[^/?#]+|c/[^/?#]+|user/[^/?#]+))/?([?#].*)?$",
            Pattern.CASE_INSENSITIVE);

    private final YtDlpProperties properties;
    private final ProcessRunner runner = new ProcessRunner();
    private final @Nullable YouTubeGate gate;
    private final YouTubeProperties pacing;

    private final @Nullable CookieJar cookies;
    private volatile @Nullable Path cookieCopies;
    private volatile @Nullable String help; // yt-dlp --help, read once: which options this yt-dlp knows

    /** A client that asks no gate: for tools and tests that run yt-dlp alone. */
    public YtDlpClient(YtDlpProperties properties) {
        this(properties, null, YouTubeProperties.of(YouTubeProperties.DEFAULT_REQUESTS_PER_MINUTE, 1, null));
    }

    public YtDlpClient(YtDlpProperties properties, @Nullable YouTubeGate gate, YouTubeProperties pacing) {
        this(properties, gate, pacing, null);
    }

    @Autowired
    public YtDlpClient(YtDlpProperties properties, @Nullable YouTubeGate gate, YouTubeProperties pacing,
            @Nullable CookieJar cookies) {
        this.properties = properties;
        this.gate = gate;
        this.pacing = pacing;
        this.cookies = cookies;
    }

    /** {@code yt-dlp --ignore-config --no-playlist --skip-download -J -- URL}. */
    public VideoMetadata fetchMetadata(String url) {
        String checked = checkUrl(url);
        return YtDlpJson.videoMetadata(call(CallKind.METADATA, checked,
                command(CallKind.METADATA, "--ignore-config", "--no-playlist", "--skip-download", "-J", "--", checked),
                null, properties.metadataTimeout(), YtDlpJson::readObject));
    }

    /**
     * Downloads and parses the captions of the best language: the uploader's captions in the first of
     * {@link YtDlpProperties#captionLanguages()} that has them (en also takes en-US, en-GB...), else YouTube's
     * automatic ones the same way.
     *
     * @param metadata what {@link #fetchMetadata} returned for this URL: it says which languages exist
     * @param workDir where the caption file is written (created if missing); the caller cleans it up
     * @return empty, without running yt-dlp, when no wanted language is listed; empty too when yt-dlp writes no file
     *     or a file without any text
     */
    public Optional<Captions> downloadCaptions(String url, VideoMetadata metadata, Path workDir) {
        return downloadCaptions(url, metadata, workDir, List.of(), false);
    }

    /**
     * {@link #downloadCaptions(String, VideoMetadata, Path)} with a batch's own preferences.
     *
     * @param languages wanted languages in order ({@code orig}: the video's own language); empty for the node's
     *     {@link YtDlpProperties#captionLanguages()}
     * @param translations whether YouTube's machine-translated automatic captions may be taken, after no uploader's or
     *     automatic track in a wanted language exists
     */
    public Optional<Captions> downloadCaptions(String url, VideoMetadata metadata, Path workDir, List<String> languages,
            boolean translations) {
        String checked = checkUrl(url);
        Objects.requireNonNull(metadata, "metadata");
        Optional<CaptionTrack> chosen = CaptionTrack.choose(metadata,
                languages.isEmpty() ? properties.captionLanguages() : languages, translations);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        CaptionTrack track = chosen.get();
        Path directory = directory(workDir);
        call(CallKind.CAPTIONS, checked, command(CallKind.CAPTIONS, "--ignore-config", "--no-playlist", "--skip-download",
                        track.automatic() ? "--write-auto-subs" : "--write-subs",
                        "--sub-langs", track.language(), "--sub-format", SUB_FORMAT,
                        "-o", template(directory, "%(id)s.%(ext)s"), "--", checked),
                directory, properties.timeout(), ProcessRunner::drainQuietlyReader);
        Optional<Path> file = captionFile(directory, metadata.id(), track.language());
        if (file.isEmpty()) {
            log.info("yt-dlp wrote no {} captions for {} into {}", track.language(), checked, directory);
            return Optional.empty();
        }
        List<CaptionCue> cues = parse(file.get());
        return cues.isEmpty() ? Optional.empty()
                : Optional.of(new Captions(track.spokenLanguage(), track.automatic(), cues, track.translated()));
    }

    /**
     * Downloads the best audio and has yt-dlp's ffmpeg step turn it into 16 kHz mono WAV, what speech recognition wants.
     *
     * @param workDir where {@code audio.wav} is written (created if missing); the caller cleans it up
     * @return the WAV file
     */
    public Path downloadAudio(String url, Path workDir) {
        return downloadAudio(url, workDir, fraction -> {});
    }

    /**
     * Like {@link #downloadAudio(String, Path)}, telling {@code progress} the download's fraction (0 to 1) from
     * yt-dlp's progress lines as they come; it runs on the thread that reads yt-dlp's output, and should be quick.
     */
    public Path downloadAudio(String url, Path workDir, java.util.function.DoubleConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        String checked = checkUrl(url);
        Path directory = directory(workDir);
        Path expected = directory.resolve(AUDIO_FILE);
        try {
            Files.deleteIfExists(expected); // the file returned must be this call's, not one left by an earlier try
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String reported = call(CallKind.AUDIO, checked, command(CallKind.AUDIO, "--ignore-config", "--no-playlist",
                        "-f", "bestaudio/best", "-x", "--newline", "--progress",
                        "--progress-template", DownloadProgress.TEMPLATE,
                        "--audio-format", "wav", "--postprocessor-args", "ffmpeg:-ar 16000 -ac 1",
                        "-o", template(directory, "audio.%(ext)s"), "--", checked),
                directory, properties.timeout(), stdout -> extractedAudioPath(stdout, progress));
        if (Files.isRegularFile(expected)) {
            return expected;
        }
        if (reported != null && reported.toLowerCase(Locale.ROOT).endsWith(".wav")
                && Files.isRegularFile(Path.of(reported))) {
            return Path.of(reported);
        }
        throw new YtDlpException(YtDlpFailure.UNKNOWN, 0, "", "yt-dlp finished but wrote no WAV file into " + directory);
    }

    /**
     * Lists a playlist or channel without visiting each video ({@code --flat-playlist}). A channel's root URL is read
     * as its Videos tab; a single video's URL gives a one-entry listing. Each entry goes to {@code sink} while yt-dlp's
     * output is still being read and none is kept here: a 5,000-video playlist is held only as the caller keeps it.
     * {@code sink} runs on the thread that reads yt-dlp's output; an exception from it ends the listing and the
     * process.
     *
     * @param limit the most entries to list; 0 or less lists all
     * @return the listing's id, title and channel
     */
    public Playlist fetchPlaylist(String url, int limit, Consumer<PlaylistEntry> sink) {
        Objects.requireNonNull(sink, "sink");
        String checked = channelVideos(checkUrl(url));
        List<String> arguments = new ArrayList<>(List.of("--ignore-config", "--flat-playlist", "-J"));
        if (limit > 0) {
            arguments.addAll(List.of("--playlist-end", Integer.toString(limit)));
        }
        arguments.addAll(List.of("--", checked));
        // Listing runs page by page (100 videos a request on YouTube): big channels need the long timeout.
        return call(CallKind.LISTING, checked, command(CallKind.LISTING, arguments.toArray(String[]::new)), null,
                properties.timeout(), in -> YtDlpJson.readPlaylist(in, limit, sink));
    }

    /** {@code yt-dlp --version}: also a cheap check that yt-dlp can be run at all. */
    public String version() {
        return runner.run(command(null, "--version"), null, properties.metadataTimeout(),
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    /**
     * Whether the installed yt-dlp knows {@code option}, from its {@code --help} (read once). Optional options (the
     * pacing flags) are passed only when it does: an old yt-dlp stops at an option it does not know.
     */
    public boolean supports(String option) {
        String text = help;
        if (text == null) {
            try {
                text = runner.run(command(null, "--help"), null, properties.metadataTimeout(),
                        in -> new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (YtDlpException e) {
                log.warn("yt-dlp --help failed ({}); optional options are left out", e.getMessage());
                text = "";
            }
            help = text;
        }
        return Pattern.compile("(^|[\\s,])" + Pattern.quote(option) + "([\\s,=]|$)", Pattern.MULTILINE)
                .matcher(text).find();
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

    static String channelVideos(String url) {
        var matcher = CHANNEL_ROOT.matcher(url);
        return matcher.matches() ? matcher.group(1) + "/videos" + (matcher.group(2) == null ? "" : matcher.group(2)) : url;
    }

    /**
     * One call that reaches YouTube: its turn at the gate, the run, and a block reported to the gate. A call the gate
     * holds back, or a block that opens the breaker, ends in {@link YouTubePaused}.
     */
    private <T extends @Nullable Object> T call(CallKind kind, String url, List<String> command,
            @Nullable Path directory, java.time.Duration timeout, ProcessRunner.OutputReader<T> reader) {
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

    /** An age-restricted or members-only video without cookies: the message says that cookies would help. */
    private static YtDlpException withCookieHint(YtDlpException e, boolean hadCookies) {
        if (hadCookies || (e.failure() != YtDlpFailure.AGE_RESTRICTED && e.failure() != YtDlpFailure.MEMBERS_ONLY)) {
            return e;
        }
        return new YtDlpException(e.failure(), e.exitCode(), e.stderrTail(), (e.getMessage() == null ? ""
                : e.getMessage()) + " " + COOKIES_WOULD_HELP);
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
                                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
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
    private List<String> command(@Nullable CallKind kind, String... arguments) {
        List<String> command = new ArrayList<>(arguments.length + 5);
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
        command.addAll(List.of(arguments));
        return command;
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** An output template inside {@code directory}; '%' in the directory's name must not read as a template field. */
    private static String template(Path directory, String name) {
        return directory.toAbsolutePath().toString().replace("%", "%%") + File.separator + name;
    }

    private static Path directory(Path workDir) {
        try {
            return Files.createDirectories(workDir.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + workDir, e);
        }
    }

    /** yt-dlp writes {@code <id>.<language>.<ext>}; json3 is preferred when an earlier try left another format. */
    private static Optional<Path> captionFile(Path directory, @Nullable String id, String language) {
        String suffix = "." + language + ".";
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String name = file.getFileName().toString();
                        return id != null ? name.startsWith(id + suffix) : name.contains(suffix);
                    })
                    .filter(file -> CAPTION_EXTENSIONS.contains(extension(file)))
                    .min(Comparator.comparingInt(file -> CAPTION_EXTENSIONS.indexOf(extension(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CaptionCue> parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return extension(file).equals("json3") ? CaptionParsers.parseJson3(text) : CaptionParsers.parseVtt(text);
        } catch (IllegalArgumentException e) {
            throw new YtDlpException(YtDlpFailure.UNKNOWN, 0, "", "Unreadable captions in " + file, e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** Reads yt-dlp's progress lines: the download's percent as it goes, and the file its ffmpeg step wrote. */
    private static @Nullable String extractedAudioPath(InputStream stdout, java.util.function.DoubleConsumer progress)
            throws IOException {
        String destination = null;
        BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            DownloadProgress.fraction(line).ifPresent(progress);
            int at = line.lastIndexOf(EXTRACT_AUDIO_LINE);
            if (at >= 0) {
                destination = line.substring(at + EXTRACT_AUDIO_LINE.length()).strip();
            }
        }
        return destination;
    }
}
