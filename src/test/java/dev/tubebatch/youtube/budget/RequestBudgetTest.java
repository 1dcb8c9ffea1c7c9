package dev.tubebatch.youtube.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.EngineTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request budget as two nodes see it: two {@link RequestBudget}s, as two processes would have, on the one
 * database of the engine tests' context. The rate is slow (6 calls a minute, 10 s a turn) so that the few
 * milliseconds between the calls of the test do not matter; the waits are the budget's answers, not measured times.
 */
@EngineTest
class RequestBudgetTest {

    private static final Duration TURN = Duration.ofSeconds(10);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private RequestBudget nodeA;
    private RequestBudget nodeB;

    @BeforeEach
    void twoNodesOnOneDatabase() {
        YouTubeProperties properties = YouTubeProperties.of(6, 2, null);
        nodeA = new RequestBudget(jdbc, transactions, properties);
        nodeB = new RequestBudget(jdbc, transactions, properties);
        // A full bucket: the burst caps what is stored.
        jdbc.sql("update youtube_budget set tokens = 1e9, updated_at = clock_timestamp() where id = 1").update();
    }

    @Test
    void two_nodes_draw_on_one_budget_so_each_turn_comes_after_the_other_node_s() {
        RequestBudget.Turn first = nodeA.reserve(1, Duration.ofMinutes(1));
        RequestBudget.Turn second = nodeB.reserve(1, Duration.ofMinutes(1));
        RequestBudget.Turn third = nodeA.reserve(1, Duration.ofMinutes(1));
        RequestBudget.Turn fourth = nodeB.reserve(1, Duration.ofMinutes(1));

        // The burst of 2 goes at once; then one turn every 10 s, whichever node asks.
        assertThat(List.of(first, second)).allSatisfy(turn -> {
            assertThat(turn.granted()).isTrue();
            assertThat(turn.delay()).isZero();
        });
        assertThat(third.delay()).isBetween(TURN.minusSeconds(3), TURN);
        assertThat(fourth.delay()).isBetween(TURN.multipliedBy(2).minusSeconds(3), TURN.multipliedBy(2));
    }

    @Test
    void a_call_weighs_its_kind_so_an_audio_download_takes_two_turns() {
        nodeA.reserve(CallKind.AUDIO.weight(), Duration.ofMinutes(1)); // the whole burst
        RequestBudget.Turn metadata = nodeB.reserve(CallKind.METADATA.weight(), Duration.ofMinutes(1));

        assertThat(metadata.delay()).isBetween(TURN.minusSeconds(3), TURN);
    }

    @Test
    void a_turn_further_away_than_the_caller_may_wait_is_refused_and_takes_nothing() {
        nodeA.reserve(2, Duration.ofMinutes(1));
        RequestBudget.Turn refused = nodeB.reserve(1, Duration.ofSeconds(5));
        RequestBudget.Turn granted = nodeA.reserve(1, Duration.ofMinutes(1));

        assertThat(refused.granted()).isFalse();
        assertThat(refused.delay()).isGreaterThan(Duration.ofSeconds(5));
        // Had the refused call taken a token, this one would wait two turns.
        assertThat(granted.granted()).isTrue();
        assertThat(granted.delay()).isBetween(TURN.minusSeconds(3), TURN);
    }

    @Test
    void calls_asking_at_the_same_time_on_both_nodes_get_distinct_turns() throws Exception {
        List<Callable<RequestBudget.Turn>> asks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RequestBudget node = i % 2 == 0 ? nodeA : nodeB;
            asks.add(() -> node.reserve(1, Duration.ofMinutes(5)));
        }
        List<Duration> delays = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            for (Future<RequestBudget.Turn> turn : threads.invokeAll(asks)) {
                delays.add(turn.get().delay());
            }
        }
        delays.sort(null);

        // 2 at once, then 10 s apart: no two calls were promised the same turn.
        assertThat(delays.subList(0, 2)).allSatisfy(delay -> assertThat(delay).isZero());
        for (int i = 2; i < delays.size(); i++) {
            assertThat(delays.get(i).minus(delays.get(i - 1))).as("turn %d after turn %d", i, i - 1)
                    .isBetween(TURN.minusSeconds(1), TURN.plusSeconds(1));
        }
    }
}
