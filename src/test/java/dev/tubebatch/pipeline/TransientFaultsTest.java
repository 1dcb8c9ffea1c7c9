package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static dev.tubebatch.support.EngineHarness.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.FakeYtDlp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fake yt-dlp injects faults with yt-dlp's real texts and exit codes (see its README, "Fault injection"):
 * transient ones on 30 % of calls, permanent ones on chosen videos. Retry base 0.2 s, cap 1 s, jitter 20 %
 * (EngineTest).
 */
@EngineTest
class TransientFaultsTest {

    private static final Map<String, ErrorKind> TRANSIENT_KINDS = Map.of("429", ErrorKind.RATE_LIMITED,
            "500", ErrorKind.SERVER_ERROR, "503", ErrorKind.SERVER_ERROR, "timeout", ErrorKind.NETWORK,
            "reset", ErrorKind.NETWORK);
    private static final Map<String, ErrorKind> PERMANENT_KINDS = Map.of("private", ErrorKind.PRIVATE,
            "removed", ErrorKind.REMOVED, "members-only", ErrorKind.MEMBERS_ONLY,
            "age-restricted", ErrorKind.AGE_RESTRICTED, "upcoming", ErrorKind.UPCOMING);
    private static final Map<String, String> PERMANENT_TEXTS = Map.of("private", "Private video",
            "removed", "This video has been removed", "members-only", "members-only content",
            "age-restricted", "Sign in to confirm your age", "upcoming", "This live event will begin");

    @Autowired
    EngineHarness engine;

    @BeforeAll
    static void faults() {
        // Rules by id prefix, so the other engine tests sharing this fake see no faults.
        FakeYtDlp.faults(FAKE, """
                [{"match": "^ftr", "seed": 11, "transient": {"probability": 0.3}},
                 {"match": "^fpm", "seed": 5, "permanent": {"probability": 0.5}}]""");
    }

    @Test
    void with_30_percent_of_calls_failing_transiently_every_video_completes_and_backoff_grows() {
        Batch batch = engine.create("Transient", 10, ids("ftr", 30));

        engine.awaitFinished(batch);

        assertThat(engine.queries().get(batch.id()).status()).as(() -> engine.failures(batch)).isEqualTo(BatchStatus.COMPLETED);
        List<FakeYtDlp.InjectedFault> injected = FakeYtDlp.injectedFaults(FAKE).stream()
                .filter(f -> f.videoId().startsWith("ftr")).toList();
        long calls = FakeYtDlp.invocations(FAKE).stream()
                .filter(c -> c.path("id").stringValue("").startsWith("ftr")).count();
        assertThat((double) injected.size() / calls).as("share of calls that failed").isBetween(0.15, 0.45);

        List<Duration> lateness = new ArrayList<>();
        for (VideoItem item : engine.queries().items(batch.id())) {
            List<Attempt> attempts = engine.history().attempts(item.id());
            List<String> faultKinds = injected.stream().filter(f -> f.videoId().equals(item.videoId()))
                    .map(FakeYtDlp.InjectedFault::kind).toList();
            // Each injected fault ended one try, classified from yt-dlp's stderr, and was retried.
            assertThat(attempts.getLast().outcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
            List<Attempt> retried = attempts.subList(0, attempts.size() - 1);
            assertThat(retried).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(AttemptOutcome.RETRY));
            assertThat(retried).extracting(Attempt::errorKind)
                    .as("error kinds of %s", item.videoId())
                    .containsExactlyElementsOf(faultKinds.stream().map(TRANSIENT_KINDS::get).toList());
            assertThat(retried).allSatisfy(a -> assertThat(a.stderrTail()).startsWith("ERROR: [youtube] "));
            for (int i = 0; i < retried.size(); i++) {
                Attempt attempt = retried.get(i);
                // Retry n waits min(cap, base * 2^(n-1)), +-20 %: 0.2, 0.4, 0.8, then 1 s.
                long expected = Math.min(1000, 200L << Math.min(attempt.attempt() - 1, 10));
                assertThat(Duration.between(attempt.finishedAt(), attempt.retryAt()).toMillis())
                        .as("planned delay of try %d of %s", attempt.attempt(), item.videoId())
                        .isBetween(Math.round(expected * 0.8) - 1, Math.round(expected * 1.2) + 1);
                Attempt next = attempts.get(i + 1);
                assertThat(next.startedAt()).isAfterOrEqualTo(attempt.retryAt().minusMillis(5));
                lateness.add(Duration.between(attempt.retryAt(), next.startedAt()));
            }
        }
        assertThat(injected.stream().map(FakeYtDlp.InjectedFault::kind).collect(Collectors.toSet()))
                .as("every transient kind was injected").containsExactlyInAnyOrderElementsOf(TRANSIENT_KINDS.keySet());
        assertThat(lateness).isNotEmpty();
        // A retry is dispatched when due, not at JobRunr's next poll (5 s): most start within a second.
        List<Duration> sorted = lateness.stream().sorted().toList();
        assertThat(sorted.get(sorted.size() / 2)).as("median delay past the planned retry time")
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void videos_with_permanent_errors_fail_on_their_first_try_with_the_right_reason() {
        Batch batch = engine.create("Permanent", 10, ids("fpm", 20));

        engine.awaitFinished(batch);

        Map<String, String> permanent = FakeYtDlp.injectedFaults(FAKE).stream()
                .filter(f -> f.videoId().startsWith("fpm") && f.permanent())
                .collect(Collectors.toMap(FakeYtDlp.InjectedFault::videoId, FakeYtDlp.InjectedFault::kind,
                        (a, b) -> a));
        assertThat(permanent).isNotEmpty().hasSizeLessThan(20);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
        for (VideoItem item : engine.queries().items(batch.id())) {
            List<Attempt> attempts = engine.history().attempts(item.id());
            String kind = permanent.get(item.videoId());
            if (kind == null) {
                assertThat(item.status()).as(item.videoId()).isEqualTo(ItemStatus.COMPLETED);
                continue;
            }
            assertThat(item.status()).as(item.videoId()).isEqualTo(ItemStatus.FAILED);
            assertThat(item.errorKind()).as(item.videoId()).isEqualTo(PERMANENT_KINDS.get(kind));
            assertThat(item.errorMessage()).contains(PERMANENT_TEXTS.get(kind));
            assertThat(attempts).as("tries of %s", item.videoId()).hasSize(1);
            assertThat(attempts.getFirst().outcome()).isEqualTo(AttemptOutcome.FAILED);
            assertThat(attempts.getFirst().stderrTail()).contains(PERMANENT_TEXTS.get(kind));
        }
    }
}
