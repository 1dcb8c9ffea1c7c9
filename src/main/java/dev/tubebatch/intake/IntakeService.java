package dev.tubebatch.intake;

import dev.tubebatch.batch.ProcessedVideos;
import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.PlaylistEntry;
import dev.tubebatch.youtube.VideoMetadata;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns what a user handed over into the videos of a batch, and says what was left out and why (a dry run). Nothing
 * is stored here: the caller shows the {@link PreviewResult}, then creates the batch from
 * {@link PreviewResult#newVideos()}.
 *
 * <p>Playlists are listed in full and channels as their most recent N videos through yt-dlp's flat listing, entry by
 * entry as yt-dlp's output is read. A failing listing skips its line with the reason and the rest goes on. Filters
 * that need facts a listing lacks look the video up (bounded by {@link IntakeLimits#maxLookups()}). Videos already
 * transcribed in an earlier batch are skipped by default.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
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
        Run run = new Run(request);
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

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return shorten(message.strip(), 300);
    }

    /** One preview's state. Bounded: at most maxVideos candidates, maxLookups look-ups. */
    private final class Run {
        private final PreviewRequest request;
        private final PreviewRequest.Filters filters;
        private final List<Candidate> candidates = new ArrayList<>();
        private final Map<String, PreviewResult.Source> seen = new HashMap<>();
        private final List<PreviewResult.Skipped> skipped = new ArrayList<>();
        private final List<PreviewResult.Skipped> warnings = new ArrayList<>();
        private final List<String> inputs = new ArrayList<>();
        /** Candidates (by video id) kept without their filters checked: the look-up failed or was over the limit. */
        private final Set<String> unchecked = new HashSet<>();

        Run(PreviewRequest request) {
            this.request = request;
            this.filters = request.filters();
        }

        void read(String input, UrlList list) {
            inputs.add(input);
            for (UrlList.Rejection rejection : list.rejections()) {
                skipped.add(new PreviewResult.Skipped(new PreviewResult.Source(input, rejection.line(), null),
                        rejection.text(), rejection.reason()));
            }
            for (UrlList.Entry entry : list.entries()) {
                stopIfCancelled();
                PreviewResult.Source source = new PreviewResult.Source(input, entry.line(), null);
                switch (entry.ref()) {
                    case YouTubeRef.Video video -> add(Candidate.pasted(video.videoId(), false, source));
                    case YouTubeRef.Playlist playlist -> expand(playlist.canonicalUrl(), 0, source, false);
                    case YouTubeRef.Channel channel ->
                            expand(channel.canonicalUrl(), request.recent(), source, channel.tab().equals("shorts"));
                }
            }
        }

        private void add(Candidate candidate) {
            if (!addUnlessFull(candidate)) {
                skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate), overLimit()));
            }
        }

        /** Adds the candidate, or skips it as a duplicate; false when the batch is full and it was not taken. */
        private boolean addUnlessFull(Candidate candidate) {
            PreviewResult.Source first = seen.get(candidate.videoId());
            if (first != null) {
                skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                        "duplicate of " + first));
                return true;
            }
            if (candidates.size() >= limits.maxVideos()) {
                return false;
            }
            seen.put(candidate.videoId(), candidate.source());
            candidates.add(candidate);
            return true;
        }

        private String overLimit() {
            return "over the limit of " + limits.maxVideos() + " videos per batch";
        }

        private void expand(String url, int limit, PreviewResult.Source line, boolean shortsTab) {
            int candidatesBefore = candidates.size();
            int skippedBefore = skipped.size();
            int[] notTaken = {0};
            try {
                int listed = expand(url, limit, entry -> {
                    if (!accept(entry, line, shortsTab)) {
                        notTaken[0]++; // counted, not listed one by one: a huge playlist stays one line here
                    }
                });
                if (listed == 0) {
                    skipped.add(new PreviewResult.Skipped(line, url, "the listing has no videos"));
                }
                if (notTaken[0] > 0) {
                    String entries = notTaken[0] == 1 ? "1 entry" : notTaken[0] + " entries";
                    skipped.add(new PreviewResult.Skipped(line, url, entries + " not taken: " + overLimit()));
                }
            } catch (YtDlpException | IllegalArgumentException | IllegalStateException e) {
                stopIfCancelled(); // an interrupted listing is not a failed one: the whole preview stops
                // Undo what this listing added: a listing that failed half way must not leave half a playlist.
                while (candidates.size() > candidatesBefore) {
                    seen.remove(candidates.removeLast().videoId());
                }
                while (skipped.size() > skippedBefore) {
                    skipped.removeLast();
                }
                log.info("Expanding {} ({}) failed: {}", url, line, e.getMessage());
                skipped.add(new PreviewResult.Skipped(line, url, "could not list it: " + describe(e)));
            }
        }

        private int expand(String url, int limit, Consumer<ListedEntry> sink) {
            return IntakeService.this.expand(url, limit, sink);
        }

        /** False when the entry was not taken because the batch is full. */
        private boolean accept(ListedEntry listed, PreviewResult.Source line, boolean shortsTab) {
            PlaylistEntry entry = listed.entry();
            PreviewResult.Source source = new PreviewResult.Source(line.input(), line.line(), listed.index());
            if (listed.skipReason() != null) {
                skipped.add(new PreviewResult.Skipped(source, entryLabel(entry), listed.skipReason()));
                return true;
            }
            boolean shortUrl = entry.url() != null && entry.url().contains("/shorts/");
            LiveStatus status = entry.liveStatus();
            String id = Objects.requireNonNull(entry.id()); // skipReason turned away entries without a video id
            return addUnlessFull(new Candidate(id, entry.title(), entry.durationSeconds(), entry.uploadDate(),
                    status == LiveStatus.IS_LIVE || status == LiveStatus.POST_LIVE,
                    shortsTab || shortUrl ? Boolean.TRUE : null, source, true, false, entry.channel()).settledShort());
        }

        /** The caller (the view) cancels a preview by interrupting it: stop rather than start more yt-dlp runs. */
        private static void stopIfCancelled() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("preview cancelled");
            }
        }

        /** Looks up, a few at a time, the candidates whose filters need facts they lack. */
        void lookUp() {
            stopIfCancelled();
            List<Integer> needed = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).needsLookup(filters)) {
                    needed.add(i);
                }
            }
            if (needed.isEmpty()) {
                return;
            }
            int allowed = Math.min(needed.size(), limits.maxLookups());
            Map<Integer, Future<VideoMetadata>> lookups = new HashMap<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(limits.lookupConcurrency(),
                    Thread.ofVirtual().name("intake-lookup-", 0).factory())) {
                for (int n = 0; n < allowed; n++) {
                    Candidate candidate = candidates.get(needed.get(n));
                    lookups.put(needed.get(n), pool.submit(() -> ytDlp.fetchMetadata(candidate.url())));
                }
                List<Integer> gone = new ArrayList<>();
                for (int n = 0; n < needed.size(); n++) {
                    int index = needed.get(n);
                    Candidate candidate = candidates.get(index);
                    if (n >= allowed) {
                        unchecked.add(candidate.videoId());
                        warnings.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                                "kept without checking the filters: over the limit of " + limits.maxLookups()
                                        + " look-ups per preview"));
                        continue;
                    }
                    try {
                        VideoMetadata metadata = Objects.requireNonNull(lookups.get(index)).get(); // started above
                        if (metadata.liveStatus() == LiveStatus.IS_UPCOMING) {
                            gone.add(index);
                            skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                                    "upcoming: the stream or premiere has not started"));
                        } else {
                            candidates.set(index, candidate.withMetadata(metadata));
                        }
                    } catch (ExecutionException e) {
                        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                        if (cause instanceof YtDlpException failure && !failure.isTransient()) {
                            gone.add(index);
                            skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                                    "unavailable: " + describe(failure)));
                        } else {
                            unchecked.add(candidate.videoId());
                            warnings.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                                    "kept without checking the filters: the look-up failed: " + describe(cause)));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        pool.shutdownNow(); // interrupts the look-ups, whose yt-dlp processes are then killed
                        throw new CancellationException("preview cancelled");
                    }
                }
                for (int i = gone.size() - 1; i >= 0; i--) {
                    candidates.remove((int) gone.get(i));
                }
            }
        }

        /** Applies the filters, then skips videos already processed. */
        void filter() {
            List<Candidate> kept = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                String reason = unchecked.contains(candidate.videoId()) ? null : filters.reject(candidate);
                if (reason != null) {
                    skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate), reason));
                } else {
                    kept.add(candidate);
                }
            }
            candidates.clear();
            if (filters.skipProcessed() && !kept.isEmpty()) {
                Map<String, ProcessedVideos.Processed> done =
                        processedVideos.latest(kept.stream().map(Candidate::videoId).toList());
                for (Candidate candidate : kept) {
                    ProcessedVideos.Processed earlier = done.get(candidate.videoId());
                    if (earlier == null) {
                        candidates.add(candidate);
                    } else {
                        skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate),
                                "already processed in batch '" + shorten(earlier.batchName()) + "': its transcript is "
                                        + "stored (turn off 'skip already processed' to run it again)",
                                new PreviewResult.EarlierTranscript(earlier.itemId(), earlier.batchId(),
                                        earlier.batchName(), earlier.storedAt())));
                    }
                }
            } else {
                candidates.addAll(kept);
            }
        }

        PreviewResult result() {
            Comparator<PreviewResult.Source> order = Comparator
                    .comparingInt((PreviewResult.Source s) -> inputs.indexOf(s.input()))
                    .thenComparingInt(PreviewResult.Source::line)
                    .thenComparing(PreviewResult.Source::entry, Comparator.nullsFirst(Comparator.naturalOrder()));
            skipped.sort(Comparator.comparing(PreviewResult.Skipped::source, order));
            warnings.sort(Comparator.comparing(PreviewResult.Skipped::source, order));
            long total = 0;
            int unknown = 0;
            List<PreviewResult.PreviewVideo> videos = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                if (candidate.durationSeconds() == null) {
                    unknown++;
                } else {
                    total += candidate.durationSeconds();
                }
                videos.add(candidate.toVideo());
            }
            return new PreviewResult(videos, skipped, warnings, total, unknown);
        }

        private static String label(Candidate candidate) {
            return candidate.title() == null ? candidate.videoId()
                    : candidate.videoId() + " " + shorten(candidate.title());
        }

        private static String entryLabel(PlaylistEntry entry) {
            String id = entry.id() == null ? "" : shorten(entry.id());
            return entry.title() == null ? id : (id + " " + shorten(entry.title())).strip();
        }
    }
}
