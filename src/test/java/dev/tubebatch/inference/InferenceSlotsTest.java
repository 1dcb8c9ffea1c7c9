package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InferenceSlotsTest {

    /** ONNX Runtime's native recursion overflowed a virtual thread's carrier stack (SIGSEGV); see STACK_BYTES. */
    @Test
    void inference_called_from_a_virtual_thread_runs_on_a_platform_thread_with_a_deep_stack() throws Exception {
        InferenceSlots slots = InferenceSlots.cpu(1);
        AtomicInteger depth = new AtomicInteger();
        Thread caller = Thread.ofVirtual().start(() -> depth.set(slots.run("deep work", () -> {
            assertThat(Thread.currentThread().isVirtual()).isFalse();
            return recurse(200_000);
        })));
        caller.join(60_000);
        assertThat(depth.get()).as("a recursion a default stack cannot hold").isEqualTo(200_000);
    }

    @Test
    void a_failure_of_the_work_reaches_the_caller_as_it_was() {
        InferenceSlots slots = InferenceSlots.cpu(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> slots.run("failing", () -> {
            throw new IllegalArgumentException("bad audio");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad audio");
        assertThat(slots.running()).isZero();
    }

    private static int recurse(int n) {
        return n == 0 ? 0 : 1 + recurse(n - 1);
    }

    @Test
    void no_more_inferences_run_at_once_than_there_are_slots() throws Exception {
        InferenceSlots slots = InferenceSlots.cpu(2);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                results.add(pool.submit(() -> slots.run("job " + n, () -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(20);
                    now.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(slots.running()).isZero();
    }

    @Test
    void with_little_free_gpu_memory_a_second_inference_waits_for_the_first() throws Exception {
        AtomicLong freeMib = new AtomicLong(500);
        InferenceSlots slots = new InferenceSlots(2, freeMib::get, 1024, Duration.ofSeconds(20));
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicLong secondStartedAt = new AtomicLong();
        AtomicLong firstEndedAt = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Alone, an inference never waits for memory: nothing else would free it.
            Future<?> first = pool.submit(() -> slots.run("first", () -> {
                firstRunning.countDown();
                await(releaseFirst);
                firstEndedAt.set(System.nanoTime());
                return null;
            }));
            assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> second = pool.submit(() -> slots.run("second", () -> {
                secondStartedAt.set(System.nanoTime());
                return null;
            }));
            sleep(700);
            assertThat(secondStartedAt.get()).as("second started while memory was short").isZero();
            assertThat(slots.throttledCount()).isEqualTo(1);
            releaseFirst.countDown();
            first.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);
            assertThat(secondStartedAt.get()).isGreaterThan(firstEndedAt.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
