package dev.tubebatch.ops;

import dev.tubebatch.pipeline.WorkFolders;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Free space where the engine writes (health component {@code folders}): the output folder and the work folder,
 * each with its path, free and total bytes. DOWN when either has less than {@code tubebatch.ops.min-free-space}
 * (default 1 GB) free, or cannot be read: a full disk pauses batches, and this says so before it happens.
 */
@Component("folders")
@EnableConfigurationProperties(FoldersHealth.Settings.class)
class FoldersHealth implements HealthIndicator {

    /** @param minFreeSpace below this much free space a folder makes health DOWN */
    @ConfigurationProperties("tubebatch.ops")
    record Settings(DataSize minFreeSpace) {
        Settings {
            minFreeSpace = minFreeSpace == null ? DataSize.ofGigabytes(1) : minFreeSpace;
        }
    }

    private final WorkFolders folders;
    private final Settings settings;

    FoldersHealth(WorkFolders folders, Settings settings) {
        this.folders = folders;
        this.settings = settings;
    }

    @Override
    public Health health() {
        boolean up = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (WorkFolders.Space space : folders.space()) {
            Map<String, Object> folder = new LinkedHashMap<>();
            folder.put("path", space.folder().toString());
            folder.put("free", space.usableBytes());
            folder.put("total", space.totalBytes());
            details.put(space.name(), folder);
            up &= space.usableBytes() >= settings.minFreeSpace().toBytes();
        }
        details.put("threshold", settings.minFreeSpace().toBytes());
        return (up ? Health.up() : Health.down()).withDetails(details).build();
    }
}
