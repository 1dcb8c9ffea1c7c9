package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.VideoMetadata;
import java.io.IOException;
import java.nio.file.Files;
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

    /** Names the finished download of the audio in the work folder; written only once the download is complete. */
    private static final String AUDIO_MARKER = "audio.done";

    ItemContext(Batch batch, VideoItem item, Path workDirectory) {
        this.batch = batch;
        this.item = item;
        this.workDirectory = workDirectory;
    }

    /** A download of the audio starts: a file it leaves half-written must not pass for finished. */
    void audioDownloading() throws IOException {
        audio = null;
        Files.deleteIfExists(workDirectory.resolve(AUDIO_MARKER));
    }

    /** The audio is downloaded to {@code file}, in the work folder; a later try on this node may use it. */
    void audioDownloaded(Path file) throws IOException {
        audio = file;
        Files.writeString(workDirectory.resolve(AUDIO_MARKER), file.getFileName().toString());
    }

    /**
     * The audio downloaded in this try, or in an earlier one on this node whose work folder was kept (a try that
     * waited for an inference slot); null when it must be downloaded again.
     */
    @Nullable Path downloadedAudio() throws IOException {
        if (audio != null && Files.isRegularFile(audio)) {
            return audio;
        }
        Path marker = workDirectory.resolve(AUDIO_MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        Path file = workDirectory.resolve(Files.readString(marker).strip()).normalize();
        return file.getParent() != null && file.getParent().equals(workDirectory.normalize())
                && Files.isRegularFile(file) ? file : null;
    }
}
