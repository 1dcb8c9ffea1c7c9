package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.VideoItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Component;

/** Writes one video's files into its folder. Files are replaced atomically, so a reader never sees half a file. */
@Component
public class VideoExporter {

    private final OutputLayout layout;

    VideoExporter(OutputLayout layout) {
        this.layout = layout;
    }

    /** Writes {@code transcript.md}; returns its path. */
    public Path export(Batch batch, VideoItem item, Transcript transcript, Summary summary) {
        Path folder = layout.videoFolder(batch, item);
        Path file = folder.resolve("transcript.md");
        writeAtomically(file, TranscriptMarkdown.render(item, transcript, summary));
        return file;
    }

    static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
