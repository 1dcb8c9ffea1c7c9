package dev.tubebatch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code --resume} names: a batch id, or a batch's state file ({@code batch.json}) that holds it. */
final class ResumeTarget {

    static final long MAX_STATE_FILE_BYTES = 64L * 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
            if (Files.size(file) > MAX_STATE_FILE_BYTES) {
                throw new IllegalArgumentException(file + " is larger than a state file can be");
            }
            JsonNode state = JSON.readTree(file.toFile());
            for (String field : new String[] {"batch_uuid", "id"}) {
                String text = state.path(field).asString("");
                if (!text.isEmpty()) {
                    try {
                        return UUID.fromString(text);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(file + ": field " + field + " is not a batch id: " + text);
                    }
                }
            }
            throw new IllegalArgumentException(file + " has no batch_uuid field; is it a tubebatch batch.json?");
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
