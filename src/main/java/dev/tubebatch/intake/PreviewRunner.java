package dev.tubebatch.intake;

import jakarta.annotation.PreDestroy;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Where previews run, for the web app and the API alike. A preview may list playlists and channels and look videos up
 * (several yt-dlp processes), so this node runs at most {@link IntakeLimits#previewConcurrency()} at once; one more is
 * refused at once with {@link PreviewsBusyException}, never queued behind the others.
 *
 * <p>{@link #start} runs a preview off the caller's thread (on a virtual thread) and hands its {@link Outcome} to a
 * callback; the returned {@link Running} cancels it, which interrupts it and so kills its yt-dlp processes.
 * {@link #run} runs one on the caller's thread, for a caller that waits anyway (an HTTP request).
 */
@Service
public class PreviewRunner {

    private final IntakeService intake;
    private final Semaphore places;
    private final int limit;
    private final Executor executor;
    /** The executor this runner made and stops with the application; null for one lent by {@link #on}. */
    private final @Nullable ExecutorService owned;

    @Autowired
    PreviewRunner(IntakeService intake) {
        this(intake, intake.limits().previewConcurrency(), Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("preview-", 0).factory()));
    }

    private PreviewRunner(IntakeService intake, int limit, ExecutorService owned) {
        this(intake, new Semaphore(limit), limit, owned, owned);
    }

    private PreviewRunner(IntakeService intake, Semaphore places, int limit, Executor executor,
            @Nullable ExecutorService owned) {
        this.intake = intake;
        this.places = places;
        this.limit = limit;
        this.executor = executor;
        this.owned = owned;
    }

    /**
     * The same places, with previews run by another executor: tests run them on their own thread or hold them back.
     * Stopping the application does not stop that executor's previews.
     */
    PreviewRunner on(Executor other) {
        return new PreviewRunner(intake, places, limit, other, null);
    }

    /** How many previews may run at once. */
    int limit() {
        return limit;
    }

    /**
     * Runs the preview on the calling thread, if a place is free.
     *
     * @throws PreviewsBusyException if every place is taken
     * @see IntakeService#preview for what else it throws
     */
    public PreviewResult run(PreviewRequest request) {
        take();
        try {
            return intake.preview(request);
        } finally {
            places.release();
        }
    }

    /**
     * Starts the preview off the calling thread, if a place is free. {@code whenDone} gets its outcome exactly once:
     * on the preview's thread when it ends, or on the cancelling thread when it is cancelled.
     *
     * @throws PreviewsBusyException if every place is taken; then nothing was started and {@code whenDone} is not called
     */
    public Running start(PreviewRequest request, Consumer<Outcome> whenDone) {
        take();
        Task task = new Task(request, whenDone);
        try {
            executor.execute(task);
        } catch (RuntimeException e) { // refused (the application is stopping): the task never runs
            places.release();
            throw e;
        }
        return new Running(task);
    }

    private void take() {
        if (!places.tryAcquire()) {
            throw new PreviewsBusyException();
        }
    }

    @PreDestroy
    void stop() {
        if (owned != null) {
            owned.shutdownNow(); // interrupts running previews, whose yt-dlp processes are then killed
        }
    }

    /** How a preview ended: with its result, with what it threw, or cancelled. */
    public sealed interface Outcome {
        record Done(PreviewResult result) implements Outcome {}

        record Failed(Throwable cause) implements Outcome {}

        record Cancelled() implements Outcome {}
    }

    /** A preview started by {@link #start}. */
    public static final class Running {
        private final FutureTask<PreviewResult> task;

        private Running(FutureTask<PreviewResult> task) {
            this.task = task;
        }

        /** Stops the preview (its yt-dlp processes are killed) or keeps it from starting; no-op once it ended. */
        public void cancel() {
            task.cancel(true);
        }

        /** Whether it ended: finished, failed or cancelled. */
        public boolean isDone() {
            return task.isDone();
        }
    }

    /**
     * One preview and its place. The place is given back exactly once: when the preview's work ends (a cancelled one
     * only once its yt-dlp processes are gone), or by the cancellation itself when the work never began.
     */
    private final class Task extends FutureTask<PreviewResult> {
        private static final int WAITING = 0;
        private static final int STARTED = 1;
        private static final int GIVEN_BACK = 2;

        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final Consumer<Outcome> whenDone;

        Task(PreviewRequest request, Consumer<Outcome> whenDone) {
            super(() -> intake.preview(request));
            this.whenDone = whenDone;
        }

        @Override
        public void run() {
            if (!state.compareAndSet(WAITING, STARTED)) {
                return; // cancelled before it began; done() gave the place back
            }
            try {
                super.run();
            } finally {
                places.release();
            }
        }

        @Override
        protected void done() {
            if (state.compareAndSet(WAITING, GIVEN_BACK)) {
                places.release();
            }
            Outcome outcome;
            if (isCancelled()) {
                outcome = new Outcome.Cancelled();
            } else {
                try {
                    outcome = new Outcome.Done(get());
                } catch (ExecutionException e) {
                    outcome = e.getCause() instanceof CancellationException ? new Outcome.Cancelled()
                            : new Outcome.Failed(Objects.requireNonNullElse(e.getCause(), e));
                } catch (InterruptedException e) { // not reached: get() on a done task does not wait
                    Thread.currentThread().interrupt();
                    outcome = new Outcome.Failed(e);
                }
            }
            whenDone.accept(outcome);
        }
    }
}
