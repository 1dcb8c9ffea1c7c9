package dev.tubebatch.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes output files whole or not at all: into a temporary file next to the file ({@code .tmp-<file>-n<node>-
 * <thread>-<nanos>.part}), then moved into place in one step, so a reader never sees half a file. The node id in the
 * name tells a killed writer's leftover from a write in progress on this node or on another one sharing the output
 * root: see {@link #mayBeWriting}.
 */
@Component
class AtomicFiles {

    /** A temporary file of this node's, older than this, was left by a write that died with its thread. */
    static final Duration OWN_LEFTOVER_AGE = Duration.ofMinutes(10);
    private static final Pattern NODE_TEMP = Pattern.compile("\\.tmp-.+-n([0-9a-f]{8})-\\d+-\\d+\\.part");
    /** How versions before node ids named them: by process id, which says nothing across machines. */
    private static final Pattern PID_TEMP = Pattern.compile("\\.tmp-.+-\\d+-\\d+-\\d+\\.part");

    private final WriterNodes nodes;

    AtomicFiles(WriterNodes nodes) {
        this.nodes = nodes;
    }

    /** Something that writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    void write(Path file, String content) {
        write(file, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes to a temporary file next to {@code file}, then moves it into place in one step. */
    void write(Path file, Content content) {
        try {
            Files.createDirectories(file.getParent());
            // A name no other writer uses at the same moment; cheaper than createTempFile's random names.
            Path temp = file.resolveSibling(".tmp-" + file.getFileName() + "-n" + nodes.self() + "-"
                    + Thread.currentThread().threadId() + "-" + System.nanoTime() + ".part");
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                    content.writeTo(out);
                }
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /**
     * Deletes the temporary files that killed writers left in {@code folder}, so a folder written again holds its
     * files and nothing else. Files that a live writer may still be writing stay (see {@link #mayBeWriting}), and
     * so do names this class never makes.
     */
    void removeLeftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        Map<String, Boolean> alive = new HashMap<>();
        try (var files = Files.newDirectoryStream(folder, ".tmp-*.part")) {
            for (Path temp : files) {
                String name = temp.getFileName().toString();
                if ((NODE_TEMP.matcher(name).matches() || PID_TEMP.matcher(name).matches())
                        && !mayBeWriting(temp, alive)) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }

    /**
     * Whether a temporary file may be a write in progress: one of this node's, written to in the last ten minutes;
     * one of another node that is alive; one named by process id (an older version, perhaps still running), written
     * to in the last ten minutes. Any other {@code .tmp-*.part} name is no writer's of this version.
     */
    boolean mayBeWriting(Path temp) {
        return mayBeWriting(temp, new HashMap<>());
    }

    private boolean mayBeWriting(Path temp, Map<String, Boolean> alive) {
        String name = temp.getFileName().toString();
        Matcher node = NODE_TEMP.matcher(name);
        if (node.matches() && !node.group(1).equals(nodes.self())) {
            return alive.computeIfAbsent(node.group(1), nodes::alive);
        }
        if (node.matches() || PID_TEMP.matcher(name).matches()) {
            try {
                return Files.getLastModifiedTime(temp).toInstant().isAfter(Instant.now().minus(OWN_LEFTOVER_AGE));
            } catch (IOException e) {
                return false; // gone already
            }
        }
        return false;
    }
}
