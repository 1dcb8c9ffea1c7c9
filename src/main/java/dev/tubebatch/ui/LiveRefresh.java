package dev.tubebatch.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Keeps a view in step with the database: subscribes to progress events while the view is attached, and runs the
 * view's refresh inside {@code UI.access}: at once after a quiet spell, then at most once per {@link #INTERVAL}
 * however many events arrive (a batch of 10,000 videos sends many). The refresh re-reads from the database, so no event carries state that could go
 * stale.
 */
final class LiveRefresh {

    static final Duration INTERVAL = Duration.ofMillis(250);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ui-live-refresh");
        thread.setDaemon(true);
        return thread;
    });

    private LiveRefresh() {}

    /** Runs {@code refresh} inside {@code UI.access} every {@code period} while {@code view} is attached, and on attach. */
    static void every(Component view, Duration period, Runnable refresh) {
        view.addAttachListener((AttachEvent attach) -> {
            UI ui = attach.getUI();
            var task = TIMER.scheduleWithFixedDelay(() -> ui.access(refresh::run), period.toMillis(),
                    period.toMillis(), TimeUnit.MILLISECONDS);
            view.addDetachListener(detach -> {
                task.cancel(false);
                detach.unregisterListener();
            });
            refresh.run();
        });
    }

    /** Wires {@code refresh} to events that {@code relevant} accepts, for as long as {@code view} is attached. */
    static void attach(Component view, BatchEvents events, Predicate<BatchChange> relevant, Runnable refresh) {
        view.addAttachListener((AttachEvent attach) -> {
            UI ui = attach.getUI();
            AtomicBoolean scheduled = new AtomicBoolean();
            AtomicLong lastRefreshNanos = new AtomicLong(System.nanoTime() - INTERVAL.toNanos());
            BatchEvents.Subscription subscription = events.subscribe(change -> {
                if (relevant.test(change) && scheduled.compareAndSet(false, true)) {
                    // The first change after a quiet spell shows at once; changes within INTERVAL of the last
                    // refresh wait for the next slot, so a view never refreshes more than once per INTERVAL.
                    long wait = Math.max(0, lastRefreshNanos.get() + INTERVAL.toNanos() - System.nanoTime());
                    TIMER.schedule(() -> ui.access(() -> {
                        scheduled.set(false);
                        lastRefreshNanos.set(System.nanoTime());
                        refresh.run();
                    }), wait, TimeUnit.NANOSECONDS);
                }
            });
            view.addDetachListener(detach -> {
                subscription.close();
                detach.unregisterListener();
            });
            refresh.run();
        });
    }
}
