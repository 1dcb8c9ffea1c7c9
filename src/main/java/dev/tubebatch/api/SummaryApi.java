package dev.tubebatch.api;

import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.NoSuchBatchException;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A video's summary: text, key points, one summary per chapter with its deep link, and what the LLM calls took. */
@RestController
@RequestMapping(path = "/api/batches/{id}/videos/{videoId}", produces = "application/json")
class SummaryApi {

    private final BatchQueries queries;
    private final TranscriptStore texts;

    SummaryApi(BatchQueries queries, TranscriptStore texts) {
        this.queries = queries;
        this.texts = texts;
    }

    record Chapter(double startSeconds, String title, String link, String summary) {}

    record Usage(int calls, long tokensIn, long tokensOut, double seconds, @Nullable BigDecimal cost) {}

    record SummaryJson(String videoId, String method, String text, List<String> keyPoints, List<Chapter> chapters,
            @Nullable String note, @Nullable Usage usage) {}

    /** 404 when the batch, the video or its summary does not exist (yet). */
    @GetMapping("/summary")
    SummaryJson summary(@PathVariable UUID id, @PathVariable String videoId) {
        queries.find(id).orElseThrow(() -> new NoSuchBatchException(id));
        VideoItem item = queries.item(id, videoId).orElseThrow(() -> new ApiProblems.NotFoundException(
                "No video " + videoId + " in batch " + id));
        Summary summary = texts.findSummary(item.id()).orElseThrow(() -> new ApiProblems.NotFoundException(
                "Video " + videoId + " has no summary (yet)"));
        Summary.Usage usage = summary.usage();
        return new SummaryJson(item.videoId(), summary.method(), summary.text(), summary.keyPoints(),
                summary.chapters().stream().map(c -> chapter(item, c)).toList(), summary.note(),
                usage == null ? null : new Usage(usage.calls(), usage.tokensIn(), usage.tokensOut(),
                        usage.millis() / 1000.0, usage.cost()));
    }

    private static Chapter chapter(VideoItem item, ChapterSummary c) {
        return new Chapter(c.start(), c.title(), c.link(item.videoId()), c.text());
    }
}
