package dev.tubebatch.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery.
 *
 * @param maxAttempts tries per delivery (the first and the retries)
 * @param retryBase the wait before the first retry; it doubles each time, up to {@code retryCap}
 * @param retryCap the longest wait between tries
 * @param timeout the longest a target may take to answer
 * @param publicUrl where links in payloads point: the web app's address as its users reach it
 */
@ConfigurationProperties("tubebatch.webhooks")
public record WebhookProperties(int maxAttempts, Duration retryBase, Duration retryCap, Duration timeout,
        String publicUrl) {

    public WebhookProperties {
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        retryBase = retryBase == null ? Duration.ofSeconds(2) : retryBase;
        retryCap = retryCap == null ? Duration.ofMinutes(10) : retryCap;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.strip();
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
    }

    /** The wait after try {@code attempt} (1-based) failed. */
    Duration delayAfter(int attempt) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(20, attempt - 1));
        return delay.compareTo(retryCap) > 0 ? retryCap : delay;
    }
}
