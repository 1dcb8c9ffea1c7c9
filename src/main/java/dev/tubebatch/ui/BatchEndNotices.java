package dev.tubebatch.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Tells every open page of the app when a batch ends (COMPLETED or COMPLETED_WITH_FAILURES), on any node: a
 * notification in the app with a link to the batch, and a browser notification where the user allowed them
 * ({@link NotifyMeButton}). Each UI listens to {@link BatchEvents} (the cluster's changes arrive there too) for
 * changes of a batch itself and re-reads that batch; a batch is announced once per page, and only within
 * {@link #RECENT} of its end, so a page opened later does not announce old endings.
 */
@Component
class BatchEndNotices implements VaadinServiceInitListener {

    static final Duration RECENT = Duration.ofMinutes(2);
    static final int SHOWN_MILLIS = 15_000;

    private final BatchEvents events;
    private final BatchQueries queries;
    private final Clock clock;

    BatchEndNotices(BatchEvents events, BatchQueries queries, Clock clock) {
        this.events = events;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> listen(init.getUI()));
    }

    /** Announces, in {@code ui}, each batch that ends while it is open. */
    void listen(UI ui) {
        Set<UUID> announced = new HashSet<>(); // changed only inside ui.access, under the session lock
        BatchEvents.Subscription subscription = events.subscribe(change -> {
            if (change.itemId() == null) { // a change of the batch itself: its status may have changed
                try {
                    ui.access(() -> check(ui, change, announced));
                } catch (UIDetachedException closed) {
                    // the page closed between the change and now: its detach listener ends the subscription
                }
            }
        });
        ui.addDetachListener(detach -> subscription.close());
    }

    private void check(UI ui, BatchChange change, Set<UUID> announced) {
        if (ui.getCurrentView() instanceof LoginView) {
            return; // not signed in
        }
        Batch batch = queries.find(change.batchId()).orElse(null);
        if (batch == null || !ended(batch) || !announced.add(batch.id())) {
            return;
        }
        announce(ui, batch, queries.progress(batch.id()));
    }

    private boolean ended(Batch batch) {
        return (batch.status() == BatchStatus.COMPLETED || batch.status() == BatchStatus.COMPLETED_WITH_FAILURES)
                && batch.finishedAt() != null && batch.finishedAt().isAfter(clock.instant().minus(RECENT));
    }

    /** "Batch 'Talks' finished: 38 done, 2 failed." */
    static String message(Batch batch, BatchProgress progress) {
        return "Batch '" + batch.name() + "' finished: " + progress.completed() + " done"
                + (progress.failed() == 0 ? "" : ", " + progress.failed() + " failed") + ".";
    }

    static void announce(UI ui, Batch batch, BatchProgress progress) {
        String text = message(batch, progress);
        Notification notice = new Notification();
        notice.addClassName("batch-end-notice");
        notice.addThemeVariants(progress.failed() == 0 ? NotificationVariant.LUMO_SUCCESS
                : NotificationVariant.LUMO_WARNING);
        Button open = new Button("Open", e -> {
            notice.close();
            ui.navigate(BatchView.class, new RouteParameters("batchId", batch.id().toString()));
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        notice.add(new HorizontalLayout(new Span(text), open));
        notice.setDuration(SHOWN_MILLIS);
        notice.setPosition(Notification.Position.BOTTOM_END);
        notice.open();
        // The browser's own notification, only where the user allowed it; the texts go as arguments, never as code.
        ui.getPage().executeJs("if (window.Notification && Notification.permission === 'granted') {"
                + " new Notification('tubebatch', {body: $0, tag: $1}); }", text, batch.id().toString());
    }
}
