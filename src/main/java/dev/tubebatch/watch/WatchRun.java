package dev.tubebatch.watch;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One run of a watch: how many videos the listing gave, how many were new, the batch they went into, or why not. */
public record WatchRun(long id, UUID watchId, Instant startedAt, Instant finishedAt, int listed, int newVideos,
        @Nullable UUID batchId, @Nullable String error) {}
