package dev.tubebatch.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts one delivery (a JobRunr job): the payload as JSON with {@code X-Tubebatch-Event},
 * {@code X-Tubebatch-Delivery} and {@code X-Tubebatch-Signature: sha256=<hex HMAC-SHA256 of the body with the
 * webhook's secret>}. A 2xx answer delivers it; anything else (an error status, a timeout, a refused target) is a
 * logged try, and the next is scheduled by the rule of {@link DeliveryTries}. A target refused as private is not
 * retried. Redirects are not followed.
 */
@Component
public class WebhookSender {

    static final String SIGNATURE = "X-Tubebatch-Signature";

    private final JdbcClient jdbc;
    private final JobScheduler jobs;
    private final DeliveryTries tries;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(JdbcClient jdbc, JobScheduler jobs, DeliveryTries tries, WebhookProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tries = tries;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private record Pending(String url, String secret, boolean allowPrivate, String event, String payload,
            int attempts) {}

    @Job(name = "Webhook delivery %0", retries = 0)
    public void deliver(long deliveryId) {
        Pending pending = jdbc.sql("""
                select w.url, w.secret, w.allow_private, d.event, d.payload::text, d.attempts
                  from webhook_delivery d join webhook w on w.id = d.webhook_id
                 where d.id = :id and d.status = 'PENDING'""")
                .param("id", deliveryId)
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)))
                .optional().orElse(null);
        if (pending == null) {
            return;
        }
        int attempt = pending.attempts() + 1;
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean retry = true;
        URI uri = URI.create(pending.url());
        String refusal = WebhookTargets.refusal(uri, pending.allowPrivate());
        if (refusal != null) {
            error = refusal;
            retry = !refusal.startsWith("refused");
        } else {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(properties.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "tubebatch-webhook")
                        .header("X-Tubebatch-Event", WebhookEvent.valueOf(pending.event()).wireName())
                        .header("X-Tubebatch-Delivery", Long.toString(deliveryId))
                        .header(SIGNATURE, "sha256=" + sign(pending.secret(), pending.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(pending.payload(), StandardCharsets.UTF_8))
                        .build(), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status >= 300) {
                    error = "HTTP " + status;
                }
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            }
        }
        int millis = (int) ((System.nanoTime() - t0) / 1_000_000);
        Instant next = tries.record(deliveryId, attempt, start, status, error, millis, retry);
        if (next != null) {
            jobs.<WebhookSender>schedule(next, sender -> sender.deliver(deliveryId));
        }
    }

    /** Hex HMAC-SHA256 of the body with the secret: what a receiver recomputes to trust a delivery. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
