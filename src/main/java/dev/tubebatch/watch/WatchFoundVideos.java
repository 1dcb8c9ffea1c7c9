package dev.tubebatch.watch;

import java.util.UUID;

/** A watch run made a batch of new videos (a Spring event, published in the run's transaction). */
public record WatchFoundVideos(UUID watchId, String watchName, String sourceUrl, UUID batchId, int listed,
        int newVideos) {}
