package dev.tubebatch.webhook;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads webhooks (never their secrets), email recipients and the delivery log of both, for admins. For an email try,
 * {@code statusCode} is the SMTP reply code.
 */
@Repository
public class WebhookLog {

    private final JdbcClient jdbc;

    WebhookLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Webhook(UUID id, String url, List<WebhookEvent> events, boolean allowPrivate, String createdBy,
            Instant createdAt) {}

    public record Recipient(UUID id, String address, List<WebhookEvent> events, String createdBy,
            Instant createdAt) {}

    /** One delivery: its event, status ({@code PENDING}, {@code DELIVERED}, {@code FAILED}) and every try. */
    public record Delivery(long id, String event, String status, int attempts, Instant createdAt, String payload,
            List<Attempt> tries) {}

    public record Attempt(int attempt, Instant at, @Nullable Integer statusCode, @Nullable String error,
            int millis) {}

    public List<Webhook> webhooks() {
        return jdbc.sql("""
                select id, url, events, allow_private, created_by, created_at from webhook order by created_at""")
                .query((rs, n) -> new Webhook(rs.getObject(1, UUID.class), rs.getString(2),
                        events(rs.getArray(3)),
                        rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public List<Recipient> recipients() {
        return jdbc.sql("select id, address, events, created_by, created_at from mail_recipient order by address")
                .query((rs, n) -> new Recipient(rs.getObject(1, UUID.class), rs.getString(2), events(rs.getArray(3)),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** The webhook's deliveries, newest first (at most {@code limit}), each with its tries in order. */
    public List<Delivery> deliveries(UUID webhookId, int limit) {
        return deliveries("webhook_id", webhookId, limit);
    }

    /** The email recipient's deliveries, newest first (at most {@code limit}), each with its tries in order. */
    public List<Delivery> mailDeliveries(UUID recipientId, int limit) {
        return deliveries("mail_recipient_id", recipientId, limit);
    }

    private List<Delivery> deliveries(String targetColumn, UUID target, int limit) {
        return jdbc.sql("""
                select id, event, status, attempts, created_at, payload::text from webhook_delivery
                 where %s = :target order by created_at desc, id desc limit :limit""".formatted(targetColumn))
                .param("target", target).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), tries(rs.getLong(1))))
                .list();
    }

    private static List<WebhookEvent> events(java.sql.Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(WebhookEvent::valueOf).toList();
    }

    private List<Attempt> tries(long deliveryId) {
        return jdbc.sql("""
                select attempt, at, status_code, error, millis from webhook_attempt
                 where delivery_id = :delivery order by attempt""")
                .param("delivery", deliveryId)
                .query((rs, n) -> {
                    int code = rs.getInt(3);
                    Integer statusCode = rs.wasNull() ? null : code;
                    return new Attempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), statusCode, rs.getString(4),
                            rs.getInt(5));
                })
                .list();
    }
}
