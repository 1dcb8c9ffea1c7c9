package dev.tubebatch.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workDirectory scratch space for downloads; each item gets a folder, removed when the item ends
 * @param maxVideoDuration the longest video this node processes (default 4 hours), checked at RESOLVE before any
 *     download; a batch may set a lower limit of its own
 */
@ConfigurationProperties("tubebatch.pipeline")
public record PipelineProperties(Path workDirectory, Duration maxVideoDuration) {

    public static final Duration DEFAULT_MAX_VIDEO_DURATION = Duration.ofHours(4);

    public PipelineProperties {
        workDirectory = workDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "tubebatch-work")
                : workDirectory;
        maxVideoDuration = maxVideoDuration == null ? DEFAULT_MAX_VIDEO_DURATION : maxVideoDuration;
        if (maxVideoDuration.isNegative() || maxVideoDuration.isZero()) {
            throw new IllegalArgumentException("tubebatch.pipeline.max-video-duration: must be positive, got "
                    + maxVideoDuration);
        }
    }
}
