package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Taking a slot without waiting long, keeping a freed slot for a video that waited, hearing of freed slots. */
class InferenceSlotTurnsTest {

    @Test
    void a_caller_that_finds_every_slot_busy_gives_up_after_its_patience_and_nothing_runs() throws Exception {
        InferenceSlots slots = InferenceSlots.cpu(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holdOneSlot(slots, release);
        try {
            AtomicInteger ran = new AtomicInteger();
            Optional<Integer> result = slots.runIfFree(UUID.randomUUID(), "late", Duration.ofMillis(50),
                    ran::incrementAndGet);
            assertThat(result).isEmpty();
            assertThat(ran).hasValue(0);
        } finally {
            release.countDown();
            holder.join(10_000);
        }
        assertThat(slots.runIfFree(UUID.randomUUID(), "now free", Duration.ZERO, () -> 7)).contains(7);
    }

    @Test
    void a_slot_kept_for_a_video_goes_to_it_and_not_to_one_that_arrives_later() {
        InferenceSlots slots = InferenceSlots.cpu(1);
        UUID waited = UUID.randomUUID();
        assertThat(slots.reserve(waited, Duration.ofMinutes(1))).isTrue();
        assertThat(slots.unreserved()).isZero();
        assertThat(slots.reserve(UUID.randomUUID(), Duration.ofMinutes(1))).as("no second slot to keep").isFalse();

        assertThat(slots.runIfFree(UUID.randomUUID(), "newcomer", Duration.ofMillis(20), () -> 1)).isEmpty();
        assertThat(slots.runIfFree(waited, "the video that waited", Duration.ZERO, () -> 2)).contains(2);
        assertThat(slots.reservedFor(waited)).as("a kept slot is used once").isFalse();
        assertThat(slots.unreserved()).isEqualTo(1);
    }

    @Test
    void a_kept_slot_that_nobody_takes_is_free_again_when_its_time_runs_out() {
        InferenceSlots slots = InferenceSlots.cpu(1);
        slots.reserve(UUID.randomUUID(), Duration.ofMillis(30));
        assertThat(slots.runIfFree(UUID.randomUUID(), "after the hold", Duration.ofSeconds(10), () -> 3)).contains(3);
    }

    @Test
    void a_freed_slot_is_announced_to_listeners() {
        InferenceSlots slots = InferenceSlots.cpu(1);
        AtomicInteger freed = new AtomicInteger();
        slots.onRelease(freed::incrementAndGet);
        slots.run("one", () -> 1);
        slots.runIfFree(UUID.randomUUID(), "two", Duration.ZERO, () -> 2);
        assertThat(freed).hasValue(2);
    }

    @Test
    void a_caller_waiting_with_patience_takes_a_slot_as_soon_as_it_is_freed() throws Exception {
        InferenceSlots slots = InferenceSlots.cpu(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holdOneSlot(slots, release);
        Thread freer = Thread.ofVirtual().start(() -> {
            sleep(100);
            release.countDown();
        });
        assertThat(slots.runIfFree(UUID.randomUUID(), "patient", Duration.ofSeconds(30), () -> 5)).contains(5);
        freer.join(10_000);
        holder.join(10_000);
    }

    private static Thread holdOneSlot(InferenceSlots slots, CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> slots.run("holder", () -> {
            held.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
