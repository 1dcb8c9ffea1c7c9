package dev.tubebatch.export;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.VideoItem;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Where a batch's files go: {@code <root>/<batch-name-slug>-<yyyyMMdd-HHmmss>/videos/<NNN>-<videoId>-<title-slug>/}.
 * Names are derived from stored data only (name, creation time, position, id, title), so they are stable.
 */
@Component
public class OutputLayout {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Path root;

    OutputLayout(OutputProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path batchFolder(Batch batch) {
        String name = SafeNames.slug(batch.name(), 60, "batch") + "-" + STAMP.format(batch.createdAt());
        return inside(root, name);
    }

    public Path videoFolder(Batch batch, VideoItem item) {
        String name = String.format("%03d-%s-%s", item.position(), item.videoId(),
                SafeNames.slug(item.title(), 60, "video"));
        return inside(batchFolder(batch).resolve("videos"), name);
    }

    /** Resolves a generated name and checks it stayed inside its parent: a last guard against traversal. */
    private static Path inside(Path parent, String name) {
        Path path = parent.resolve(name).normalize();
        if (!path.getParent().equals(parent.normalize())) {
            throw new IllegalStateException("Refusing a file name outside " + parent + ": " + name);
        }
        return path;
    }
}
