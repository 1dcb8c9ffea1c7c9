package dev.tubebatch.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The deliveries of one webhook or email recipient, newest first: event, status, number of tries and the last try
 * (its time, the HTTP status or SMTP reply code, and what went wrong).
 */
final class DeliveriesGrid extends Grid<WebhookLog.Delivery> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    DeliveriesGrid() {
        addColumn(d -> WHEN.format(d.createdAt())).setHeader("Created");
        addColumn(d -> WebhookEvent.valueOf(d.event()).wireName()).setHeader("Event");
        addColumn(WebhookLog.Delivery::status).setHeader("Status").setKey("status");
        addColumn(WebhookLog.Delivery::attempts).setHeader("Tries");
        addColumn(DeliveriesGrid::lastTry).setHeader("Last try").setKey("lastTry").setFlexGrow(3);
        setAllRowsVisible(true);
    }

    private static String lastTry(WebhookLog.Delivery delivery) {
        if (delivery.tries().isEmpty()) {
            return "";
        }
        WebhookLog.Attempt last = delivery.tries().getLast();
        return WHEN.format(last.at()) + (last.statusCode() == null ? "" : " · " + last.statusCode())
                + (last.error() == null ? "" : " · " + last.error());
    }
}
