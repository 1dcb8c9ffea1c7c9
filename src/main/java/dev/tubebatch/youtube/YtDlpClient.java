package dev.tubebatch.youtube;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.regex.Pattern;
import dev.tubebatch.youtube.budget.CallKind;
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
 * can become an option ({@link YtDlpCommands} puts each command line together). Configuration files are ignored
 * ({@code --ignore-config}) so that a user's yt-dlp settings cannot change what this class finds on disk
 * ({@link YtDlpFiles}). Every call is bounded by a timeout; failures arrive as {@link YtDlpException} with a
 * {@link YtDlpFailure} that says whether trying again can help.
 *
 * <p>Every call that reaches YouTube first waits for its turn at the {@link YouTubeGate} (the cluster's request budget
 * and circuit breaker) and reports a bot check or 429 there; a call the gate holds back ends in {@link YouTubePaused}.
 */
@Component
public class YtDlpClient {

    private static final Logger log = LoggerFactory.getLogger(YtDlpClient.class);

    /** json3 keeps YouTube's exact timings; vtt is the next best; anything else only when neither exists. */
    private static final String SUB_FORMAT = "json3/vtt/best";
    /** What an age-restricted or members-only video's error adds when no cookies were given. */
    public static final String COOKIES_WOULD_HELP = "YouTube cookies of an account that may watch it would help: an"
            + " admin adds a cookies file in the System view, then Retry failed uses them.";
    /** A channel's root lists its tabs, not its videos; its Videos tab is what a user means by "this channel". */
    private static final Pattern CHANNEL_ROOT = Pattern.compile(
            "^(https?://(?:www\\.|m\\.)?youtube\\.com/(?:@[^/?#]+|channel/[^/?#]+|c/[^/?#]+|user/[^/?#]+))/?([?#].*)?$",
            Pattern.CASE_INSENSITIVE);

    private final YtDlpProperties properties;
    private final YtDlpCommands commands;

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
        this.commands = new YtDlpCommands(properties, gate, pacing, cookies);
    }

    /** {@code yt-dlp --ignore-config --no-playlist --skip-download -J -- URL}. */
    public VideoMetadata fetchMetadata(String url) {
        String checked = YtDlpCommands.checkUrl(url);
        return YtDlpJson.videoMetadata(commands.call(CallKind.METADATA, checked,
                List.of("--ignore-config", "--no-playlist", "--skip-download", "-J"),
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
        String checked = YtDlpCommands.checkUrl(url);
        Objects.requireNonNull(metadata, "metadata");
        Optional<CaptionTrack> chosen = CaptionTrack.choose(metadata,
                languages.isEmpty() ? properties.captionLanguages() : languages, translations);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        CaptionTrack track = chosen.get();
        Path directory = YtDlpFiles.directory(workDir);
        commands.call(CallKind.CAPTIONS, checked, List.of("--ignore-config", "--no-playlist", "--skip-download",
                        track.automatic() ? "--write-auto-subs" : "--write-subs",
                        "--sub-langs", track.language(), "--sub-format", SUB_FORMAT,
                        "-o", YtDlpFiles.captionTemplate(directory)),
                directory, properties.timeout(), ProcessRunner::drainQuietlyReader);
        Optional<Path> file = YtDlpFiles.captionFile(directory, metadata.id(), track.language());
        if (file.isEmpty()) {
            log.info("yt-dlp wrote no {} captions for {} into {}", track.language(), checked, directory);
            return Optional.empty();
        }
        List<CaptionCue> cues = YtDlpFiles.parse(file.get());
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
    public Path downloadAudio(String url, Path workDir, DoubleConsumer progress) {
        Objects.requireNonNull(progress, "progress");
        String checked = YtDlpCommands.checkUrl(url);
        Path directory = YtDlpFiles.directory(workDir);
        Path expected = YtDlpFiles.clearedAudioFile(directory);
        String reported = commands.call(CallKind.AUDIO, checked, List.of("--ignore-config", "--no-playlist",
                        "-f", "bestaudio/best", "-x", "--newline", "--progress",
                        "--progress-template", DownloadProgress.TEMPLATE,
                        "--audio-format", "wav", "--postprocessor-args", "ffmpeg:-ar 16000 -ac 1",
                        "-o", YtDlpFiles.audioTemplate(directory)),
                directory, properties.timeout(), stdout -> YtDlpFiles.extractedAudioPath(stdout, progress));
        return YtDlpFiles.writtenAudio(directory, expected, reported);
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
        String checked = channelVideos(YtDlpCommands.checkUrl(url));
        List<String> options = new ArrayList<>(List.of("--ignore-config", "--flat-playlist", "-J"));
        if (limit > 0) {
            options.addAll(List.of("--playlist-end", Integer.toString(limit)));
        }
        // Listing runs page by page (100 videos a request on YouTube): big channels need the long timeout.
        return commands.call(CallKind.LISTING, checked, options, null, properties.timeout(),
                in -> YtDlpJson.readPlaylist(in, limit, sink));
    }

    /** {@code yt-dlp --version}: also a cheap check that yt-dlp can be run at all. */
    public String version() {
        return commands.local("--version").strip();
    }

    /**
     * Whether the installed yt-dlp knows {@code option}, from its {@code --help} (read once). Optional options (the
     * pacing flags) are passed only when it does: an old yt-dlp stops at an option it does not know.
     */
    public boolean supports(String option) {
        return commands.supports(option);
    }

    static String channelVideos(String url) {
        var matcher = CHANNEL_ROOT.matcher(url);
        return matcher.matches() ? matcher.group(1) + "/videos" + (matcher.group(2) == null ? "" : matcher.group(2)) : url;
    }
}
