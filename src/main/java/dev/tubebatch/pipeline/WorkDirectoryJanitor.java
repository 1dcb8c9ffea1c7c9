package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ItemStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes scratch folders left behind by a crash: at start, every item folder whose item is not running, and
 * anything else in the work directory. A running item's folder stays (a crashed try resumes on this node).
 */
@Component
class WorkDirectoryJanitor {

    private static final Logger log = LoggerFactory.getLogger(WorkDirectoryJanitor.class);

    private final PipelineProperties properties;
    private final BatchQueries batches;

    WorkDirectoryJanitor(PipelineProperties properties, BatchQueries batches) {
        this.properties = properties;
        this.batches = batches;
    }

    @EventListener(ApplicationReadyEvent.class)
    int clean() {
        Path root = properties.workDirectory();
        if (!Files.isDirectory(root)) {
            return 0;
        }
        List<Path> children;
        try (Stream<Path> list = Files.list(root)) {
            children = list.toList();
        } catch (IOException e) {
            log.warn("Could not list the work directory {}", root, e);
            return 0;
        }
        int removed = 0;
        for (Path child : children) {
            if (!isRunningItem(child.getFileName().toString())) {
                removed += delete(child) ? 1 : 0;
            }
        }
        if (removed > 0) {
            log.info("Removed {} stale scratch folders from {}", removed, root);
        }
        return removed;
    }

    private boolean isRunningItem(String name) {
        try {
            Optional<ItemStatus> status = batches.item(UUID.fromString(name)).map(i -> i.status());
            return status.isPresent() && status.get() == ItemStatus.RUNNING;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean delete(Path path) {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            return !Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
