package dev.tubebatch.cli;

import dev.tubebatch.export.BatchStateFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/** What {@code --resume} names: a batch id, or a batch's state file ({@code batch.json}) that holds it. */
final class ResumeTarget {

    private ResumeTarget() {}

    /**
     * @throws IllegalArgumentException saying why the value is neither a batch id nor a readable state file
     */
    static UUID batchId(String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException notAnId) {
            // then it must be a state file
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("'" + value + "' is neither a batch id nor a state file (batch.json)");
        }
        try {
            return BatchStateFile.read(file).batchId();
        } catch (UncheckedIOException e) {
            // An UncheckedIOException always wraps its IOException.
            throw new IllegalArgumentException(
                    e.getMessage() + ": " + Objects.requireNonNull(e.getCause()).getMessage());
        }
    }
}
