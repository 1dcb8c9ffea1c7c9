package dev.tubebatch.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this node can run yt-dlp, and which version (health component {@code ytDlp}), as {@link ToolVersions}
 * last read it: a health check must not start a process on every probe.
 */
@Component("ytDlp")
class YtDlpHealth implements HealthIndicator {

    private final ToolVersions tools;

    YtDlpHealth(ToolVersions tools) {
        this.tools = tools;
    }

    @Override
    public Health health() {
        ToolVersions.Tool ytDlp = tools.ytDlp();
        return (ytDlp.healthy() ? Health.up().withDetail("version", ytDlp.version())
                : Health.down().withDetail("error", ytDlp.version())).build();
    }
}
