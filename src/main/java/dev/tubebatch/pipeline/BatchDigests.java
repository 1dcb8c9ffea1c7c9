package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchClosed;
import dev.tubebatch.batch.BatchDigest;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.DigestStore;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.inference.Digester;
import dev.tubebatch.inference.SummaryFailedException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a batch finishes, the LLM writes its digest (common themes, a line per video) from the videos' summaries, on
 * a thread of its own; then the batch folder is written again, with {@code digest.md} and the digest in front of the
 * PDF. Only the node that closed the batch does it. Without an LLM, or a batch without summaries, there is none.
 */
@Component
class BatchDigests {

    private static final Logger log = LoggerFactory.getLogger(BatchDigests.class);
    private static final int PAGE = 500;
    private static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofMinutes(2);

    private final ObjectProvider<Digester> digester;
    private final BatchQueries queries;
    private final TranscriptStore texts;
    private final DigestStore digests;
    private final ExportService exports;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-digest");
        t.setDaemon(true);
        return t;
    });

    BatchDigests(ObjectProvider<Digester> digester, BatchQueries queries, TranscriptStore texts, DigestStore digests,
            ExportService exports) {
        this.digester = digester;
        this.queries = queries;
        this.texts = texts;
        this.digests = digests;
        this.exports = exports;
    }

    @EventListener
    void onClosed(BatchClosed event) {
        if (digester.getIfAvailable() == null) {
            return;
        }
        try {
            thread.execute(() -> {
                try {
                    make(event.batchId());
                } catch (RuntimeException e) {
                    log.warn("The digest of batch {} was not made: {}", event.batchId(), e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.info("The digest of batch {} was not made: the application is stopping", event.batchId());
        }
    }

    /** Makes and stores the batch's digest, then rewrites its folder; false when there was nothing to digest. */
    boolean make(UUID batchId) {
        Digester llm = digester.getIfAvailable();
        if (llm == null) {
            return false;
        }
        Batch batch = queries.get(batchId);
        List<VideoItem> items = queries.items(batchId).stream()
                .filter(i -> i.status() == ItemStatus.COMPLETED).toList();
        List<Digester.Entry> entries = new ArrayList<>();
        List<BatchDigest.Line> fallbackLines = new ArrayList<>();
        for (int from = 0; from < items.size(); from += PAGE) {
            List<VideoItem> page = items.subList(from, Math.min(items.size(), from + PAGE));
            Map<UUID, Summary> summaries = texts.summaries(page.stream().map(VideoItem::id).toList());
            for (VideoItem item : page) {
                Summary summary = summaries.get(item.id());
                if (summary != null) {
                    entries.add(new Digester.Entry(item.position(), item.displayTitle(), summary.text()));
                    fallbackLines.add(new BatchDigest.Line(item.position(), item.videoId(), item.displayTitle(),
                            firstSentence(summary.text())));
                }
            }
        }
        if (entries.isEmpty()) {
            return false;
        }
        Digester.Digest digest;
        try {
            digest = llm.digest(batch.name(), entries);
        } catch (SummaryFailedException e) {
            log.warn("The digest of batch {} failed: {}", batchId, e.getMessage());
            return false;
        }
        List<BatchDigest.Line> lines = fallbackLines.stream().map(l -> new BatchDigest.Line(l.position(),
                l.videoId(), l.title(), digest.lines().getOrDefault(l.position(), l.line()))).toList();
        digests.save(new BatchDigest(batchId, digest.method(), digest.themes(), lines,
                new Summary.Usage(digest.usage().calls(), digest.usage().tokensIn(), digest.usage().tokensOut(),
                        digest.usage().millis(), null)));
        exports.ensureExported(batchId);
        return true;
    }

    /** A video the model gave no line keeps its summary's first sentence. */
    static String firstSentence(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    /** A digest being written is finished first (the command line ends right after its batch), within a limit. */
    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }
}
