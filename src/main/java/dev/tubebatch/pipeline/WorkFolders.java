package dev.tubebatch.pipeline;

import dev.tubebatch.export.OutputProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The folders the engine writes to: the output root (batch folders) and the work directory (downloads), with
 * their free space, and the test for a failure that means one of them is full.
 */
@Component
public class WorkFolders {

    /** Free and total bytes of the file system a folder lives on; -1 when it cannot be read. */
    public record Space(String name, Path folder, long usableBytes, long totalBytes) {}

    private final Path output;
    private final Path work;

    WorkFolders(OutputProperties output, PipelineProperties pipeline) {
        this.output = output.root().toAbsolutePath().normalize();
        this.work = pipeline.workDirectory().toAbsolutePath().normalize();
    }

    /** The output folder's and the work folder's space, in that order. */
    public List<Space> space() {
        return List.of(space("output", output), space("work", work));
    }

    /** The folder with the least free space: the one to name when a write failed for want of space. */
    Path fullest() {
        return space().stream().min(Comparator.comparingLong(Space::usableBytes)).orElseThrow().folder();
    }

    /**
     * Whether a failure means a full disk: the operating system's "No space left on device" (ENOSPC, errno 28) in
     * the exception's chain or in a tool's output (yt-dlp and ffmpeg print it so).
     */
    static boolean isDiskFull(Throwable failure, @Nullable String toolOutput) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (mentionsFull(t.getMessage())) {
                return true;
            }
        }
        return mentionsFull(toolOutput);
    }

    private static boolean mentionsFull(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("[errno 28]")
                || lower.contains("disk quota exceeded");
    }

    private static Space space(String name, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return new Space(name, folder, -1, -1);
        }
        try {
            var store = Files.getFileStore(existing);
            return new Space(name, folder, store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            return new Space(name, folder, -1, -1);
        }
    }
}
