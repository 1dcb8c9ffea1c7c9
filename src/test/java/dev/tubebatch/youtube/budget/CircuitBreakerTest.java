package dev.tubebatch.youtube.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The circuit breaker as two nodes see it: two {@link CircuitBreaker}s on the one database of the engine tests'
 * context (whose own breaker is off), with short windows and cool-downs.
 */
@EngineTest
class CircuitBreakerTest {

    private static final Duration COOLDOWN = Duration.ofMillis(600);
    private static final Duration CAP = Duration.ofMillis(1500);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private CircuitBreaker nodeA;
    private CircuitBreaker nodeB;

    @BeforeEach
    void aClosedBreakerOnTwoNodes() {
        YouTubeProperties properties = YouTubeProperties.of(60, 5,
                YouTubeProperties.Breaker.of(3, Duration.ofMinutes(2), COOLDOWN, CAP));
        nodeA = new CircuitBreaker(jdbc, transactions, properties);
        nodeB = new CircuitBreaker(jdbc, transactions, properties);
        reset(jdbc);
    }

    static void reset(JdbcClient jdbc) {
        jdbc.sql("""
                update youtube_breaker set open_until = null, reason = null, tripped_at = null, cooldown_ms = 0,
                       probing_until = null, counted_from = null, held_calls = 0""").update();
        jdbc.sql("delete from youtube_block").update();
        jdbc.sql("delete from youtube_trip").update();
    }

    @Test
    void blocks_seen_on_different_nodes_trip_it_together_at_the_threshold() {
        assertThat(nodeA.recordBlock("bot check", "capAAAAAAA1", null).open()).isFalse();
        assertThat(nodeB.recordBlock("429", "capAAAAAAA2", null).open()).isFalse();
        assertThat(nodeA.refuse()).isEmpty();

        BreakerState tripped = nodeB.recordBlock("bot check", "capAAAAAAA3", null);

        assertThat(tripped.open()).isTrue();
        assertThat(tripped.cooldown()).isEqualTo(COOLDOWN);
        assertThat(tripped.liftsAt()).isEqualTo(tripped.trippedAt().plus(COOLDOWN));
        assertThat(tripped.reason()).contains("3 bot checks or 429s within 2 min");
        assertThat(tripped.trips()).isEqualTo(1);
    }

    @Test
    void a_tripped_breaker_refuses_every_call_on_every_node_and_counts_them() {
        trip(nodeA);

        assertThat(nodeA.refuse()).isPresent();
        assertThat(nodeB.refuse()).isPresent();
        assertThat(nodeB.state().heldCalls()).isEqualTo(2);
    }

    @Test
    void blocks_older_than_the_window_do_not_count() {
        jdbc.sql("insert into youtube_block (at, kind) select clock_timestamp() - interval '3 minutes', '429'"
                + " from generate_series(1, 5)").update();

        assertThat(nodeA.recordBlock("429", null, null).open()).isFalse();
        assertThat(nodeA.recordBlock("429", null, null).open()).isFalse();
    }

    @Test
    void it_lifts_after_its_cool_down_and_a_block_right_after_trips_it_again_for_twice_as_long_up_to_the_cap() {
        trip(nodeA);
        awaitLifted();
        assertThat(nodeA.refuse()).isEmpty();

        BreakerState again = nodeB.recordBlock("bot check", null, null);
        assertThat(again.open()).isTrue();
        assertThat(again.cooldown()).isEqualTo(COOLDOWN.multipliedBy(2));
        assertThat(again.reason()).contains("right after the last pause");

        awaitLifted();
        BreakerState capped = nodeA.recordBlock("429", null, null);
        assertThat(capped.cooldown()).isEqualTo(CAP);
        assertThat(capped.trips()).isEqualTo(3);
    }

    @Test
    void blocks_of_calls_that_were_running_when_it_tripped_do_not_trip_it_again() {
        trip(nodeA);
        nodeB.recordBlock("429", null, null); // a call that was already running
        nodeB.recordBlock("429", null, null);

        assertThat(nodeA.state().trips()).isEqualTo(1);
    }

    @Test
    void an_admin_lifts_it_at_once_and_the_cool_down_starts_again_from_its_base() {
        trip(nodeA);

        assertThat(nodeB.lift("admin")).isTrue();
        assertThat(nodeA.refuse()).isEmpty();
        assertThat(nodeA.lift("admin")).as("a closed breaker cannot be lifted").isFalse();
        assertThat(jdbc.sql("select lifted_by from youtube_trip").query(String.class).single()).isEqualTo("admin");
        // No doubling after a lift by hand: the next trip needs the threshold again and cools down from the base.
        assertThat(nodeA.recordBlock("429", null, null).open()).isFalse();
        assertThat(trip(nodeA).cooldown()).isEqualTo(COOLDOWN);
    }

    @Test
    void a_disabled_breaker_never_trips_and_never_refuses() {
        CircuitBreaker off = new CircuitBreaker(jdbc, transactions, YouTubeProperties.of(60, 5,
                new YouTubeProperties.Breaker(1, null, null, null, false)));

        assertThat(off.recordBlock("429", null, null).open()).isFalse();
        assertThat(off.refuse()).isEmpty();
    }

    @Test
    void settings_that_cannot_work_are_refused_naming_the_setting() {
        assertThatThrownBy(() -> YouTubeProperties.Breaker.of(0, Duration.ofMinutes(1), COOLDOWN, CAP))
                .hasMessageContaining("tubebatch.youtube.breaker.threshold");
        assertThatThrownBy(() -> YouTubeProperties.Breaker.of(3, Duration.ofMinutes(1), CAP, COOLDOWN))
                .hasMessageContaining("tubebatch.youtube.breaker.max-cooldown");
        assertThatThrownBy(() -> YouTubeProperties.of(0, 5, null))
                .hasMessageContaining("tubebatch.youtube.requests-per-minute");
    }

    private static BreakerState trip(CircuitBreaker breaker) {
        BreakerState state = null;
        for (int i = 0; i < 3; i++) {
            state = breaker.recordBlock("bot check", null, null);
        }
        assertThat(state.open()).isTrue();
        return state;
    }

    private void awaitLifted() {
        Eventually.within(Duration.ofSeconds(10), "the breaker to lift", () -> !nodeA.state().open());
    }
}
