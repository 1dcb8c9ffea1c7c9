package dev.tubebatch.api;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.export.DownloadHeaders;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.intake.PreviewResult;
import dev.tubebatch.intake.PreviewRunner;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Batches over HTTP: the same services, rules and limits as the web app. */
@RestController
@RequestMapping(path = "/api/batches", produces = "application/json")
class BatchApi {

    static final int MAX_PAGE = 1000;

    private final BatchService batches;
    private final BatchQueries queries;
    private final ExportService exports;
    private final PreviewRunner previews;

    BatchApi(BatchService batches, BatchQueries queries, ExportService exports,
            PreviewRunner previews) {
        this.batches = batches;
        this.queries = queries;
        this.exports = exports;
        this.previews = previews;
    }

    /** Every batch, newest first, with its counts. */
    @GetMapping
    List<BatchJson.BatchSummary> list() {
        return queries.overview().stream()
                .map(o -> BatchJson.BatchSummary.of(o.batch(), o.progress(), queries.estimate(o.batch().id()))).toList();
    }

    /**
     * A dry run: the videos the inputs resolve to and every line left out, with its reason. Stores nothing. It takes
     * one of the node's preview places, shared with the web app; with none free the answer is 503 with Retry-After.
     */
    @PostMapping(path = "/preview", consumes = "application/json")
    BatchJson.Preview preview(@RequestBody BatchRequests.Preview request) {
        BatchRequests.Inputs inputs = request.inputs();
        return toJson(previews.run(inputs.toPreviewRequest()), inputs);
    }

    /** Creates a batch from the videos the inputs resolve to; lines left out are listed in the answer. */
    @PostMapping(consumes = "application/json")
    ResponseEntity<BatchJson.Created> create(@RequestBody BatchRequests.Create request, Principal principal) {
        request.options(); // a bad option is refused before any video is looked up
        BatchRequests.Inputs inputs = request.inputs();
        PreviewResult preview = previews.run(inputs.toPreviewRequest());
        BatchJson.Preview json = toJson(preview, inputs);
        if (preview.videos().isEmpty()) {
            throw new ApiProblems.UnprocessableException("urls", "none of the inputs is a YouTube video: "
                    + json.rejected().stream().limit(5).map(r -> r.source() + " " + r.reason()).toList());
        }
        Batch batch = batches.create(request.toNewBatch(preview.newVideos()), principal.getName());
        return ResponseEntity.created(URI.create("/api/batches/" + batch.id()))
                .body(new BatchJson.Created(BatchJson.BatchSummary.of(batch, queries.progress(batch.id()), queries.estimate(batch.id())),
                        json.rejected()));
    }

    /** A batch and a page of its items in position order, optionally only those with one status. */
    @GetMapping("/{id}")
    BatchJson.BatchDetail get(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") long offset, @RequestParam(defaultValue = "100") int limit) {
        Batch batch = queries.get(id);
        ItemStatus itemStatus = parseStatus(status);
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE);
        }
        List<BatchJson.Item> items = queries.items(id, itemStatus, offset, limit).stream().map(BatchJson.Item::of)
                .toList();
        return new BatchJson.BatchDetail(BatchJson.BatchSummary.of(batch, queries.progress(id), queries.estimate(id)),
                queries.countItems(id, itemStatus), offset, limit, items);
    }

    @PostMapping("/{id}/pause")
    BatchJson.Control pause(@PathVariable UUID id) {
        return control(id, "pause", batches.pause(id), "only a running batch can be paused");
    }

    @PostMapping("/{id}/resume")
    BatchJson.Control resume(@PathVariable UUID id) {
        return control(id, "resume", batches.resume(id), "only a paused or stopped batch can be resumed");
    }

    @PostMapping("/{id}/cancel")
    BatchJson.Control cancel(@PathVariable UUID id) {
        return control(id, "cancel", batches.cancel(id), "a finished or cancelled batch cannot be cancelled");
    }

    /** Queues the batch's failed videos again; answers how many. */
    @PostMapping("/{id}/retry-failed")
    BatchJson.Control retryFailed(@PathVariable UUID id) {
        queries.get(id);
        int requeued = batches.retryFailed(id);
        return new BatchJson.Control("retry-failed", requeued > 0, requeued, summary(id));
    }

    /** The batch as a ZIP streamed as it is made: all of it, or {@code ?videos=id,id}. */
    @GetMapping(path = "/{id}/download.zip", produces = "application/zip")
    void zip(@PathVariable UUID id, @RequestParam(required = false) @Nullable String videos,
            HttpServletResponse response)
            throws IOException {
        List<String> chosen = videos == null || videos.isBlank() ? List.of()
                : Arrays.stream(videos.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        exports.checkSelection(id, chosen);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(exports.zipFileName(id)));
        exports.writeZip(id, chosen, response.getOutputStream());
    }

    /** The combined PDF: cover, contents with bookmarks, then each video's summary and transcript. */
    @GetMapping(path = "/{id}/download.pdf", produces = "application/pdf")
    ResponseEntity<Resource> pdf(@PathVariable UUID id) {
        Path pdf = exports.combinedPdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(exports.zipFileName(id)
                        .replaceAll("\\.zip$", ".pdf")))
                .body(new FileSystemResource(pdf));
    }

    /** The manifest: every video with its metadata, status, transcript source, files, step times and attempts. */
    @GetMapping(path = "/{id}/manifest", produces = "application/json")
    ResponseEntity<Resource> manifest(@PathVariable UUID id) {
        return file(id, OutputLayout.MANIFEST);
    }

    /** The state file ({@code batch.json}), which the CLI's {@code --resume} takes. */
    @GetMapping(path = "/{id}/state", produces = "application/json")
    ResponseEntity<Resource> state(@PathVariable UUID id) {
        return file(id, OutputLayout.STATE_FILE);
    }

    private ResponseEntity<Resource> file(UUID id, String name) {
        Path file = exports.ensureExported(id).resolve(name);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new FileSystemResource(file));
    }

    private BatchJson.Control control(UUID id, String action, boolean changed, String rule) {
        BatchJson.BatchSummary summary = summary(id);
        if (!changed) {
            throw new ApiProblems.ConflictException("The batch is " + summary.status() + "; " + rule + ".");
        }
        return new BatchJson.Control(action, true, 0, summary);
    }

    private BatchJson.BatchSummary summary(UUID id) {
        return BatchJson.BatchSummary.of(queries.get(id), queries.progress(id), queries.estimate(id));
    }

    private static @Nullable ItemStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ItemStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: must be one of " + java.util.Arrays.toString(ItemStatus.values()));
        }
    }

    private static BatchJson.Preview toJson(PreviewResult preview, BatchRequests.Inputs inputs) {
        List<BatchJson.PreviewVideo> videos = new java.util.ArrayList<>();
        int position = 1;
        for (PreviewResult.PreviewVideo video : preview.videos()) {
            videos.add(new BatchJson.PreviewVideo(position++, video.videoId(), video.url(), video.title(),
                    video.durationSeconds(), video.uploadDate(), source(video.source(), inputs)));
        }
        return new BatchJson.Preview(videos.size(), preview.totalSeconds(), preview.unknownDurations(), videos,
                rejections(preview.skipped(), inputs), rejections(preview.warnings(), inputs));
    }

    private static List<BatchJson.Rejection> rejections(List<PreviewResult.Skipped> skipped,
            BatchRequests.Inputs inputs) {
        return skipped.stream()
                .map(r -> new BatchJson.Rejection(source(r.source(), inputs), r.text(), r.reason()))
                .toList();
    }

    /** "urls[3]" or "text line 2", plus the entry of a playlist or channel listing. */
    private static String source(PreviewResult.Source source, BatchRequests.Inputs inputs) {
        return inputs.source(source.line()) + (source.entry() == null ? "" : ", entry " + source.entry());
    }
}
