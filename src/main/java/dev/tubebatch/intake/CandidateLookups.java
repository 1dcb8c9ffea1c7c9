package dev.tubebatch.intake;

import static dev.tubebatch.intake.IntakeService.describe;

import dev.tubebatch.youtube.LiveStatus;
import dev.tubebatch.youtube.VideoMetadata;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The look-ups of one preview: yt-dlp's metadata of the candidates whose filters need facts they lack, a few at a time
 * ({@link IntakeLimits#lookupConcurrency()}), at most {@link IntakeLimits#maxLookups()}. Interrupting the calling
 * thread cancels them: the look-ups are interrupted, their yt-dlp processes killed.
 */
final class CandidateLookups {

    /** What became of one candidate that needed a look-up; {@code index} is its place in the candidates. */
    sealed interface Outcome {
        int index();

        /** Looked up: its facts. */
        record Found(int index, VideoMetadata metadata) implements Outcome {}

        /** Nothing to transcribe: upcoming, or a failure that trying again will not mend. */
        record Gone(int index, String reason) implements Outcome {}

        /** Kept without checking its filters: over the limit of look-ups, or the look-up failed for now. */
        record Unchecked(int index, String reason) implements Outcome {}
    }

    private CandidateLookups() {}

    /**
     * Looks up the candidates whose filters need it and hands on each one's outcome, in the order of the candidates
     * (those over the limit last). {@code outcomes} runs on the calling thread and may replace a candidate in the list.
     *
     * @throws CancellationException if the calling thread was interrupted
     */
    static void lookUp(List<Candidate> candidates, PreviewRequest.Filters filters, IntakeLimits limits,
            YtDlpClient ytDlp, Consumer<Outcome> outcomes) {
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
            for (int n = 0; n < needed.size(); n++) {
                int index = needed.get(n);
                if (n >= allowed) {
                    outcomes.accept(new Outcome.Unchecked(index, "kept without checking the filters: over the limit of "
                            + limits.maxLookups() + " look-ups per preview"));
                    continue;
                }
                try {
                    VideoMetadata metadata = Objects.requireNonNull(lookups.get(index)).get(); // started above
                    outcomes.accept(metadata.liveStatus() == LiveStatus.IS_UPCOMING
                            ? new Outcome.Gone(index, "upcoming: the stream or premiere has not started")
                            : new Outcome.Found(index, metadata));
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause());
                    outcomes.accept(cause instanceof YtDlpException failure && !failure.isTransient()
                            ? new Outcome.Gone(index, "unavailable: " + describe(failure))
                            : new Outcome.Unchecked(index,
                                    "kept without checking the filters: the look-up failed: " + describe(cause)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow(); // interrupts the look-ups, whose yt-dlp processes are then killed
                    throw new CancellationException("preview cancelled");
                }
            }
        }
    }
}
