package dev.tubebatch.ops;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether this node can run yt-dlp, which version, its age in days and, older than 60 days, a warning that says how
 * to update it (health component {@code ytDlp}), as {@link ToolVersions} last read it: a health check must not start
 * a process on every probe. An old yt-dlp is a warning, not DOWN: it may still work.
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
        if (!ytDlp.healthy()) {
            return Health.down().withDetail("error", ytDlp.version()).build();
        }
        Health.Builder up = Health.up().withDetail("version", ytDlp.version());
        tools.ytDlpAgeDays().ifPresent(days -> up.withDetail("ageDays", days));
        tools.ytDlpWarning().ifPresent(warning -> up.withDetail("warning", warning));
        return up.build();
    }
}
