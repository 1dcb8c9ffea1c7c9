package dev.tubebatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateFileFollowerTest {

    @Test
    void cheap_writes_wait_the_configured_delay() {
        assertThat(StateFileFollower.nextDelay(500, 0)).isEqualTo(500);
        assertThat(StateFileFollower.nextDelay(500, 40)).isEqualTo(500);
    }

    @Test
    void a_costly_round_of_writes_waits_five_times_as_long_so_the_follower_takes_at_most_a_fifth_of_a_core() {
        assertThat(StateFileFollower.nextDelay(500, 400)).isEqualTo(2_000);
        long round = 700;
        long wait = StateFileFollower.nextDelay(500, round);
        assertThat((double) round / (round + wait)).isLessThanOrEqualTo(1.0 / 5);
    }
}
