package dev.tubebatch.intake;

import static dev.tubebatch.intake.IntakeService.describe;
import static dev.tubebatch.intake.IntakeService.shorten;

import dev.tubebatch.batch.ProcessedVideos;
import dev.tubebatch.intake.IntakeService.ListedEntry;
import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.PlaylistEntry;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link IntakeService#preview} call's state: the inputs read, the candidates, what was skipped and the warnings.
 * Bounded: at most maxVideos candidates, maxLookups look-ups. Used by one thread, then dropped.
 */
final class IntakeRun {

    private static final Logger log = LoggerFactory.getLogger(IntakeRun.class);

    private final IntakeService intake;
    private final IntakeLimits limits;
    private final YtDlpClient ytDlp;
    private final ProcessedVideos processedVideos;
    private final PreviewRequest request;
    private final PreviewRequest.Filters filters;
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, PreviewResult.Source> seen = new HashMap<>();
    private final List<PreviewResult.Skipped> skipped = new ArrayList<>();
    private final List<PreviewResult.Skipped> warnings = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    /** Candidates (by video id) kept without their filters checked: the look-up failed or was over the limit. */
    private final Set<String> unchecked = new HashSet<>();

    /** {@code intake} lists the playlists and channels ({@link IntakeService#expand}). */
    IntakeRun(IntakeService intake, IntakeLimits limits, YtDlpClient ytDlp, ProcessedVideos processedVideos,
            PreviewRequest request) {
        this.intake = intake;
        this.limits = limits;
        this.ytDlp = ytDlp;
        this.processedVideos = processedVideos;
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
            int listed = intake.expand(url, limit, entry -> {
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
        List<Integer> gone = new ArrayList<>();
        CandidateLookups.lookUp(candidates, filters, limits, ytDlp, outcome -> {
            int index = outcome.index();
            Candidate candidate = candidates.get(index);
            switch (outcome) {
                case CandidateLookups.Outcome.Found found ->
                        candidates.set(index, candidate.withMetadata(found.metadata()));
                case CandidateLookups.Outcome.Gone out -> {
                    gone.add(index);
                    skipped.add(new PreviewResult.Skipped(candidate.source(), label(candidate), out.reason()));
                }
                case CandidateLookups.Outcome.Unchecked kept -> {
                    unchecked.add(candidate.videoId());
                    warnings.add(new PreviewResult.Skipped(candidate.source(), label(candidate), kept.reason()));
                }
            }
        });
        for (int i = gone.size() - 1; i >= 0; i--) {
            candidates.remove((int) gone.get(i));
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
