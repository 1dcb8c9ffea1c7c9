package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.VideoMetadata;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What the steps of one try share. Steps re-read what an earlier try stored (transcripts live in the database);
 * the metadata is kept only for this try and fetched again when a resumed job needs it.
 */
final class ItemContext {

    final Batch batch;
    final VideoItem item;
    final Path workDirectory;
    @Nullable VideoMetadata metadata;
    @Nullable Path audio;

    ItemContext(Batch batch, VideoItem item, Path workDirectory) {
        this.batch = batch;
        this.item = item;
        this.workDirectory = workDirectory;
    }
}
