package dev.tubebatch.api;

import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.search.SearchHit;
import dev.tubebatch.search.SearchPage;
import dev.tubebatch.search.SearchQuery;
import dev.tubebatch.search.TranscriptSearch;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over stored transcripts: ranked hits, a page at a time (a VIEWER may search). */
@RestController
class SearchApi {

    private final TranscriptSearch search;

    SearchApi(TranscriptSearch search) {
        this.search = search;
    }

    /** One hit; {@code snippetHtml} is escaped HTML with the matches in {@code <mark>}. */
    record Hit(UUID itemId, String videoId, @Nullable String title, @Nullable String channel,
            @Nullable LocalDate uploadDate, UUID batchId, String batchName, String source,
            @Nullable String language, double startSeconds, String link, String snippetHtml, String snippetText,
            double rank) {

        static Hit of(SearchHit hit) {
            return new Hit(hit.itemId(), hit.videoId(), hit.title(), hit.channel(), hit.uploadDate(), hit.batchId(),
                    hit.batchName(), hit.source().name().toLowerCase(Locale.ROOT), hit.language(), hit.startSeconds(),
                    hit.deepLink(), hit.snippetHtml(), hit.snippetText(), hit.rank());
        }
    }

    /** A page of hits, best first; {@code hasMore} says whether {@code page + 1} has any. */
    record Page(String q, int page, int size, boolean hasMore, List<Hit> hits) {}

    @GetMapping(path = "/api/search", produces = "application/json")
    Page search(@RequestParam String q, @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable UUID batch,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + SearchQuery.DEFAULT_SIZE) int size) {
        SearchPage result = search.search(new SearchQuery(q, channel, batch, from, to, source(source), page, size));
        return new Page(result.query().text(), page, size, result.hasMore(),
                result.hits().stream().map(Hit::of).toList());
    }

    static @Nullable TranscriptSource source(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        try {
            return TranscriptSource.valueOf(source.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source: must be one of " + Arrays.stream(TranscriptSource.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), e);
        }
    }
}
