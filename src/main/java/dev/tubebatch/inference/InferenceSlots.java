package dev.tubebatch.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>A caller that must not wait long (a video job, whose worker could serve other videos meanwhile) uses
 * {@link #runIfFree}. A free slot can be kept for one such caller ({@link #reserve}): then only that caller takes it,
 * until it does or the reservation runs out, so a video that waited is not overtaken by one that just arrived.
 * Listeners ({@link #onRelease}) hear when a slot comes free.
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
    /** Who a free slot is kept for, with when that ends ({@link System#nanoTime()}); guarded by this. */
    private final Map<Object, Long> reservations = new HashMap<>();
    private final List<Runnable> releaseListeners = new CopyOnWriteArrayList<>();

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
        return inSlot(what, work);
    }

    /**
     * Runs {@code work} as {@link #run} does if a slot is free for {@code key} within {@code patience}: one kept for
     * it, or one kept for nobody. Empty if none came free; then nothing ran.
     */
    public <T> Optional<T> runIfFree(Object key, String what, Duration patience, Supplier<T> work) {
        return runIfFree(key, what, patience, () -> { }, work);
    }

    /** As {@link #runIfFree(Object, String, Duration, Supplier)}; {@code taken} runs on the caller's thread first. */
    public <T> Optional<T> runIfFree(Object key, String what, Duration patience, Runnable taken, Supplier<T> work) {
        if (!take(key, patience, what)) {
            return Optional.empty();
        }
        try {
            taken.run();
        } catch (RuntimeException | Error e) {
            release();
            throw e;
        }
        return Optional.of(inSlot(what, work));
    }

    /** Slots free now and kept for nobody. */
    public synchronized int unreserved() {
        dropExpiredReservations();
        return Math.max(0, slots.availablePermits() - reservations.size());
    }

    /** Keeps a free slot for {@code key} for at most {@code hold}; false if every free slot is kept already. */
    public synchronized boolean reserve(Object key, Duration hold) {
        dropExpiredReservations();
        if (!reservations.containsKey(key) && slots.availablePermits() - reservations.size() <= 0) {
            return false;
        }
        reservations.put(key, System.nanoTime() + hold.toNanos());
        return true;
    }

    /** Whether a slot is kept for {@code key} now. */
    public synchronized boolean reservedFor(Object key) {
        dropExpiredReservations();
        return reservations.containsKey(key);
    }

    /** {@code listener} runs (on the thread that freed it) each time a slot comes free; it must be quick. */
    public void onRelease(Runnable listener) {
        releaseListeners.add(listener);
    }

    private synchronized boolean take(Object key, Duration patience, String what) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            dropExpiredReservations();
            Long kept = reservations.remove(key);
            if ((kept != null || slots.availablePermits() > reservations.size()) && slots.tryAcquire()) {
                return true;
            }
            if (kept != null) {
                reservations.put(key, kept); // a blocking caller took the slot: keep the turn
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                // Woken when a slot is freed; at least every poll, for reservations that run out.
                wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an inference slot for " + what, e);
            }
        }
    }

    private void dropExpiredReservations() {
        long now = System.nanoTime();
        reservations.values().removeIf(until -> until - now <= 0);
    }

    /** Runs {@code work} in the slot the caller holds, and frees it. */
    private <T> T inSlot(String what, Supplier<T> work) {
        try {
            awaitGpuMemory(what);
            running.incrementAndGet();
            try {
                return onInferenceThread(what, work);
            } finally {
                running.decrementAndGet();
            }
        } finally {
            release();
        }
    }

    private void release() {
        slots.release();
        synchronized (this) {
            notifyAll();
        }
        for (Runnable listener : releaseListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("A listener for freed inference slots failed", e);
            }
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
