package dev.tubebatch.cluster;

import dev.tubebatch.youtube.YtDlpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this node can run yt-dlp, and which version (health component {@code ytDlp}). The answer is kept for a
 * minute: a health check must not start a process on every probe.
 */
@Component("ytDlp")
class YtDlpHealth implements HealthIndicator {

    static final Duration CACHE = Duration.ofMinutes(1);

    private final YtDlpClient ytDlp;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    YtDlpHealth(YtDlpClient ytDlp, Clock clock) {
        this.ytDlp = ytDlp;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last != null && lastAt.plus(CACHE).isAfter(now)) {
            return last;
        }
        Health health;
        try {
            health = Health.up().withDetail("version", ytDlp.version()).build();
        } catch (RuntimeException e) {
            health = Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
        last = health;
        lastAt = now;
        return health;
    }
}
