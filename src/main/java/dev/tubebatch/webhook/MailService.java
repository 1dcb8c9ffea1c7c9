package dev.tubebatch.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An admin's commands on email recipients: each is one address and the events it wants. */
@Service
public class MailService {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException naming the field ({@code address}, {@code events}) */
    public WebhookLog.Recipient create(String address, List<WebhookEvent> events, String by) {
        String checked = MailAddresses.recipient(address, "address");
        List<WebhookEvent> distinct = distinct(events);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.sql("""
                    insert into mail_recipient (id, address, events, created_by, created_at)
                    values (:id, :address, cast(:events as text[]), :by, :now)""")
                    .param("id", id).param("address", checked).param("events", array(distinct)).param("by", by)
                    .param("now", now).update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("address: " + checked + " is a recipient already", e);
        }
        return new WebhookLog.Recipient(id, checked, distinct, by, now.toInstant());
    }

    /** Replaces the recipient's events; false when there is no such recipient. */
    public boolean setEvents(UUID id, List<WebhookEvent> events) {
        return jdbc.sql("update mail_recipient set events = cast(:events as text[]) where id = :id")
                .param("events", array(distinct(events))).param("id", id).update() > 0;
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from mail_recipient where id = :id").param("id", id).update() > 0;
    }

    private static List<WebhookEvent> distinct(List<WebhookEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events: name at least one event");
        }
        return events.stream().distinct().toList();
    }

    private static String array(List<WebhookEvent> events) {
        return "{" + String.join(",", events.stream().map(Enum::name).toList()) + "}";
    }
}
