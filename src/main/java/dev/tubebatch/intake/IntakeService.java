package dev.tubebatch.intake;

import dev.tubebatch.batch.ProcessedVideos;
import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.PlaylistEntry;
import dev.tubebatch.youtube.YtDlpClient;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Turns what a user handed over into the videos of a batch, and says what was left out and why (a dry run). Nothing
 * is stored here: the caller shows the {@link PreviewResult}, then creates the batch from
 * {@link PreviewResult#newVideos()}.
 *
 * <p>Playlists are listed in full and channels as their most recent N videos through yt-dlp's flat listing, entry by
 * entry as yt-dlp's output is read. A failing listing skips its line with the reason and the rest goes on. Filters
 * that need facts a listing lacks look the video up (bounded by {@link IntakeLimits#maxLookups()}). Videos already
 * transcribed in an earlier batch are skipped by default. Each preview's state lives in an {@link IntakeRun}, its
 * look-ups in {@link CandidateLookups}.
 */
@Service
public class IntakeService {

    static final String PASTED = "pasted text";

    private final IntakeLimits limits;
    private final YtDlpClient ytDlp;
    private final ProcessedVideos processedVideos;

    IntakeService(IntakeLimits limits, YtDlpClient ytDlp, ProcessedVideos processedVideos) {
        this.limits = limits;
        this.ytDlp = ytDlp;
        this.processedVideos = processedVideos;
    }

    public IntakeLimits limits() {
        return limits;
    }

    /**
     * The dry run. Slow when it lists playlists or channels or looks videos up (yt-dlp, one process each): call it
     * off the UI thread.
     *
     * @throws InputTooLargeException if the text or the file is over the configured size or line limit
     * @throws IllegalArgumentException if the file is not UTF-8 text, or {@code recent} is over its limit
     * @throws CancellationException if the calling thread was interrupted (its yt-dlp processes are killed)
     */
    public PreviewResult preview(PreviewRequest request) {
        if (request.recent() > limits.maxRecent()) {
            throw new IllegalArgumentException("recent: at most " + limits.maxRecent() + " videos per channel");
        }
        UrlListReader reader = new UrlListReader(limits);
        IntakeRun run = new IntakeRun(this, limits, ytDlp, processedVideos, request);
        if (!request.text().isBlank()) {
            run.read(PASTED, reader.read(request.text()));
        }
        if (request.file() != null && request.file().length > 0) {
            String label = request.fileName().equals(PASTED) ? "file " + PASTED : request.fileName();
            UrlList list;
            try {
                list = reader.read(request.file());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label + ": " + e.getMessage(), e);
            } catch (InputTooLargeException e) {
                throw new InputTooLargeException(label + ": " + e.getMessage());
            }
            run.read(label, list);
        }
        run.lookUp();
        run.filter();
        return run.result();
    }

    /**
     * Lists a playlist or channel and hands each entry on, with why it is skipped (null to keep it). Package-private
     * so that the real-tool test can run it on a page that is not YouTube's.
     *
     * @return how many entries the listing had
     */
    int expand(String url, int limit, Consumer<ListedEntry> sink) {
        int[] index = {0};
        ytDlp.fetchPlaylist(url, limit, entry -> {
            index[0]++;
            sink.accept(new ListedEntry(index[0], entry, skipReason(entry)));
        });
        return index[0];
    }

    /** One entry of a listing, its 1-based place, and why it cannot be used (null when it can). */
    record ListedEntry(int index, PlaylistEntry entry, @Nullable String skipReason) {}

    /** Private, deleted, members-only and upcoming entries have nothing to transcribe: why, or null. */
    static @Nullable String skipReason(PlaylistEntry entry) {
        String title = entry.title() == null ? "" : entry.title().strip();
        String availability = entry.availability() == null ? "" : entry.availability().toLowerCase(Locale.ROOT);
        if (title.equals("[Private video]") || availability.equals("private")) {
            return "private video";
        }
        if (title.equals("[Deleted video]") || title.equals("[Unavailable video]")) {
            return "deleted or unavailable video";
        }
        switch (availability) {
            case "needs_auth" -> {
                return "needs sign-in (age-restricted or private)";
            }
            case "subscriber_only" -> {
                return "members-only video";
            }
            case "premium_only" -> {
                return "YouTube Premium only";
            }
            default -> { }
        }
        if (entry.liveStatus() == LiveStatus.IS_UPCOMING) {
            return "upcoming: the stream or premiere has not started";
        }
        if (!YouTubeUrls.isVideoId(entry.id())) {
            return "not a YouTube video (" + (entry.id() == null ? "no id" : shorten(entry.id())) + ")";
        }
        return null;
    }

    static String shorten(String text) {
        return shorten(text, 80);
    }

    static String shorten(String text, int max) {
        String clean = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= max ? clean : clean.substring(0, max) + "…";
    }

    /** A failure as a preview shows it: its message, shortened. */
    static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return shorten(message.strip(), 300);
    }
}
