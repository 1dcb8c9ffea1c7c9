package dev.tubebatch.search;

import dev.tubebatch.batch.TranscriptSource;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One search: the words as a person types them (PostgreSQL's web-search syntax: {@code "a phrase"}, {@code or},
 * {@code -word}) and optional filters. Every value is bound as a parameter, never written into SQL.
 *
 * @param text the query; 1 to {@link #MAX_LENGTH} characters after stripping
 * @param channel only videos of this channel (exact name)
 * @param batchId only videos of this batch
 * @param uploadedFrom only videos uploaded on or after this day
 * @param uploadedTo only videos uploaded on or before this day
 * @param source only transcripts from this source
 * @param page the page, from 0
 * @param size hits per page, 1 to {@link #MAX_SIZE}
 */
public record SearchQuery(String text, @Nullable String channel, @Nullable UUID batchId,
        @Nullable LocalDate uploadedFrom, @Nullable LocalDate uploadedTo, @Nullable TranscriptSource source,
        int page, int size) {

    public static final int MAX_LENGTH = 500;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;
    /** Deep pages cost a ranking of everything before them; nobody reads page 500 of a search. */
    public static final int MAX_PAGE = 500;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("q: the search text is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("q: the search text is longer than " + MAX_LENGTH + " characters");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("q: the search text contains a NUL character");
        }
        channel = channel == null || channel.isBlank() ? null : channel.strip();
        if (uploadedFrom != null && uploadedTo != null && uploadedFrom.isAfter(uploadedTo)) {
            throw new IllegalArgumentException("from: is later than to");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page: must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first page of a search without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, null, null, null, null, 0, DEFAULT_SIZE);
    }
}
