package dev.tubebatch.inference;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many inferences run at once: a fair semaphore sized by the resource advisor. With a GPU, a new inference also
 * waits while free GPU memory is under the threshold and another inference is running (it frees memory when it
 * ends); it never waits for itself, and never longer than {@code maxThrottle}.
 */
public final class InferenceSlots {

    private static final Logger log = LoggerFactory.getLogger(InferenceSlots.class);
    private static final long POLL_MILLIS = 500;

    private final int size;
    private final Semaphore slots;
    private final @Nullable LongSupplier freeGpuMib;
    private final long minFreeGpuMib;
    private final Duration maxThrottle;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    /**
     * Where inference runs: platform threads with a large stack. ONNX Runtime recurses deeply while it builds a
     * session; called from a job's virtual thread, that native recursion runs on the carrier thread's stack and
     * overflows it (the JVM dies with SIGSEGV). These threads are made as needed and end after a minute idle.
     */
    static final long STACK_BYTES = 64L << 20;
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final ExecutorService RUNNERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(null, work, "inference-" + THREAD_NUMBER.incrementAndGet(), STACK_BYTES);
        thread.setDaemon(true);
        return thread;
    });

    /** @param freeGpuMib free GPU memory now, or null without a GPU */
    public InferenceSlots(int size, @Nullable LongSupplier freeGpuMib, long minFreeGpuMib, Duration maxThrottle) {
        if (size < 1) {
            throw new IllegalArgumentException("inference slots must be at least 1: " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size, true);
        this.freeGpuMib = freeGpuMib;
        this.minFreeGpuMib = minFreeGpuMib;
        this.maxThrottle = maxThrottle;
    }

    public static InferenceSlots cpu(int size) {
        return new InferenceSlots(size, null, 0, Duration.ZERO);
    }

    public int size() {
        return size;
    }

    public int running() {
        return running.get();
    }

    /** How many times an inference waited for GPU memory. */
    public int throttledCount() {
        return throttled.get();
    }

    /**
     * Runs {@code work} in a slot, on an inference thread (see {@link #STACK_BYTES}); the caller waits for it.
     * Interrupting the caller (a cancelled job) stops the wait and interrupts the work.
     */
    public <T> T run(String what, Supplier<T> work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an inference slot for " + what, e);
        }
        try {
            awaitGpuMemory(what);
            running.incrementAndGet();
            try {
                return onInferenceThread(what, work);
            } finally {
                running.decrementAndGet();
            }
        } finally {
            slots.release();
        }
    }

    static <T> T onInferenceThread(String what, Supplier<T> work) {
        Future<T> result = RUNNERS.submit(work::get);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(what + " failed", cause);
        }
    }

    private void awaitGpuMemory(String what) {
        if (freeGpuMib == null) {
            return;
        }
        long deadline = System.nanoTime() + maxThrottle.toNanos();
        boolean counted = false;
        while (running.get() > 0 && freeGpuMib.getAsLong() < minFreeGpuMib && System.nanoTime() < deadline) {
            if (!counted) {
                counted = true;
                throttled.incrementAndGet();
                log.info("{} waits: free GPU memory under {} MiB while {} inference(s) run", what, minFreeGpuMib,
                        running.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for GPU memory for " + what, e);
            }
        }
    }
}
