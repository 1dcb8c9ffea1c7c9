package dev.tubebatch.youtube.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.support.EngineTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The gate a call passes: the breaker first, then its turn in the budget, shown to whoever observes the wait. */
@EngineTest
class YouTubeGateTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private YouTubeGate gate;
    private RequestBudget budget;

    @BeforeEach
    void aGateWithABurstOfOne() {
        // 300 calls a minute: a turn every 200 ms; a job waits for at most 1 s.
        YouTubeProperties properties = new YouTubeProperties(300.0, 1, Duration.ofSeconds(1), 0.0, 0.0,
                YouTubeProperties.Breaker.of(3, Duration.ofMinutes(2), Duration.ofMinutes(15), Duration.ofHours(1)),
                List.of());
        budget = new RequestBudget(jdbc, transactions, properties);
        gate = new YouTubeGate(budget,
                new CircuitBreaker(jdbc, transactions, properties), new ProxyPool(jdbc, properties), properties);
        CircuitBreakerTest.reset(jdbc);
        jdbc.sql("update youtube_budget set tokens = 1e9, updated_at = clock_timestamp() where id = 1").update();
    }

    @Test
    void a_call_that_waits_for_its_turn_says_so_while_it_waits() throws Exception {
        List<String> notes = new ArrayList<>();
        gate.acquire(CallKind.METADATA);
        YouTubeGate.observed(note -> notes.add(Objects.requireNonNullElse(note, "(goes on)")), () -> {
            try {
                gate.acquire(CallKind.CAPTIONS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            return null;
        });

        assertThat(notes).containsExactly(YouTubeGate.WAITING_FOR_BUDGET, "(goes on)");
    }

    @Test
    void a_turn_beyond_the_longest_wait_is_refused_with_when_to_ask_again() {
        budget.reserve(10, Duration.ofMinutes(1)); // other calls were promised the next 2 s

        assertThatThrownBy(() -> gate.acquire(CallKind.AUDIO))
                .isInstanceOf(GateClosed.class)
                .hasMessageStartingWith(YouTubeGate.WAITING_FOR_BUDGET);
    }

    @Test
    void the_block_that_trips_the_breaker_closes_the_gate_until_the_cool_down_ends() {
        Permit direct = new Permit(CallKind.METADATA, null);
        gate.blocked(direct, true, "capAAAAAAA1");
        gate.blocked(direct, false, "capAAAAAAA2");

        assertThatThrownBy(() -> gate.blocked(direct, true, "capAAAAAAA3"))
                .isInstanceOfSatisfying(GateClosed.class, closed -> assertThat(closed.until())
                        .isEqualTo(gate.breakerState().liftsAt()))
                .hasMessageContaining("YouTube paused until");
        assertThatThrownBy(() -> gate.acquire(CallKind.LISTING)).isInstanceOf(GateClosed.class);
        assertThat(gate.breakerState().heldCalls()).isEqualTo(1);
    }
}
