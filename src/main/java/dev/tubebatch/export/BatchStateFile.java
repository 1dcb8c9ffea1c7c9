package dev.tubebatch.export;

import dev.tubebatch.export.render.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a batch's state file ({@code batch.json}) back: which batch it was and its videos with their status, so a
 * batch can be resumed from the file alone (CLI {@code --resume}). Every problem names the field it is about.
 *
 * @param batchId the batch in the database, if it is still there
 * @param videos in the file's order (the batch's positions)
 */
public record BatchStateFile(UUID batchId, @Nullable String name, List<Video> videos) {

    /** The largest state file read (a 10,000-video batch writes about 3 MB). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    public BatchStateFile {
        videos = List.copyOf(videos);
    }

    /** A video as the state file recorded it; {@code status} is lower case (completed, failed, pending...). */
    public record Video(String url, @Nullable String videoId, String status, @Nullable String error) {

        public boolean completed() {
            return "completed".equals(status);
        }
    }

    /** Every video's URL, in order. */
    public List<String> urls() {
        return videos.stream().map(Video::url).toList();
    }

    /** The URLs of the videos that did not complete: what a resume has left to do. */
    public List<String> unfinishedUrls() {
        return videos.stream().filter(v -> !v.completed()).map(Video::url).toList();
    }

    public static BatchStateFile read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes, not a state file");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the state file " + file, e);
        }
    }

    /**
     * Parses the text of a state file.
     *
     * @param origin how to name the file in errors
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static BatchStateFile parse(String json, String origin) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(origin + ": not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(origin + ": not a state file (expected a JSON object)");
        }
        String id = required(root, "batch_id", origin);
        UUID batchId;
        try {
            batchId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": batch_id \"" + id + "\" is not a batch id");
        }
        String name = text(root, "name", origin, false);
        JsonNode list = root.get("videos");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(origin + ": field videos is missing or not a list");
        }
        List<Video> videos = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String where = origin + ": videos[" + i + "]";
            if (!entry.isObject()) {
                throw new IllegalArgumentException(where + " is not an object");
            }
            String url = required(entry, "url", where);
            if (!url.startsWith("https://") || url.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(where + ".url is not an https URL: " + url);
            }
            videos.add(new Video(url, text(entry, "video_id", where, false),
                    required(entry, "status", where).toLowerCase(Locale.ROOT), text(entry, "error", where, false)));
        }
        JsonNode total = root.get("total");
        if (total != null && !total.isNull() && (!total.isIntegralNumber() || total.asInt() != videos.size())) {
            throw new IllegalArgumentException(origin + ": total is " + total + " but videos lists " + videos.size());
        }
        return new BatchStateFile(batchId, name, videos);
    }

    /** A required field's text: {@link #text} throws rather than return null for it. */
    private static String required(JsonNode node, String field, String where) {
        return Objects.requireNonNull(text(node, field, where, true));
    }

    private static @Nullable String text(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(where + ": field " + field + " is missing");
            }
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(where + ": field " + field + " is not a string");
        }
        return value.asString();
    }
}
