package dev.tubebatch.webhook;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The retry rule every channel's deliveries follow (webhooks and email alike): each try is a row of the log; a
 * failed one that may be retried is followed by another after {@link WebhookProperties#delayAfter} until
 * {@code max-attempts}, then the delivery is FAILED.
 */
@Component
class DeliveryTries {

    private final JdbcClient jdbc;
    private final WebhookProperties properties;
    private final Clock clock;

    DeliveryTries(JdbcClient jdbc, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Logs try {@code attempt} (1-based) and sets the delivery's status.
     *
     * @param code the HTTP status or SMTP reply code, when there was an answer
     * @param error what went wrong, or null when the try delivered
     * @param retryable whether a failure may be tried again
     * @return when the next try is due, or null when there is none
     */
    @Nullable Instant record(long deliveryId, int attempt, Instant at, @Nullable Integer code, @Nullable String error,
            int millis, boolean retryable) {
        boolean delivered = error == null;
        boolean again = !delivered && retryable && attempt < properties.maxAttempts();
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, attempt, at, status_code, error, millis)
                values (:id, :attempt, :at, :status, :error, :millis)""")
                .param("id", deliveryId).param("attempt", attempt).param("at", Timestamp.from(at))
                .param("status", code, Types.INTEGER).param("error", error, Types.VARCHAR)
                .param("millis", millis).update();
        jdbc.sql("update webhook_delivery set attempts = :attempt, status = :outcome where id = :id")
                .param("attempt", attempt).param("outcome", delivered ? "DELIVERED" : again ? "PENDING" : "FAILED")
                .param("id", deliveryId).update();
        return again ? clock.instant().plus(properties.delayAfter(attempt)) : null;
    }
}
