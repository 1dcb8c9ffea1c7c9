package dev.tubebatch.api;

import dev.tubebatch.batch.Transcript;
import dev.tubebatch.export.DownloadHeaders;
import dev.tubebatch.export.SelectionExport;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryService;
import dev.tubebatch.library.LibraryVideo;
import dev.tubebatch.search.SearchHit;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The library over HTTP: every processed video once, and one video with its transcript (a VIEWER may read). */
@RestController
@RequestMapping(path = "/api/library", produces = "application/json")
class LibraryApi {

    private final LibraryQueries library;
    private final LibraryService commands;
    private final SelectionExport exports;

    LibraryApi(LibraryQueries library, LibraryService commands, SelectionExport exports) {
        this.library = library;
        this.commands = commands;
        this.exports = exports;
    }

    /** What a delete did: how many items (one per batch the video was in) lost their stored data. */
    record Deleted(String videoId, int items) {}

    /** Deletes the video's transcripts, summaries and exported files in every batch (ADMIN); 404 if none. */
    @DeleteMapping("/{videoId}")
    ResponseEntity<?> delete(@PathVariable String videoId, Principal principal) {
        int items = commands.delete(videoId, principal.getName());
        if (items == 0) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such video in the library"));
        }
        return ResponseEntity.ok(new Deleted(videoId, items));
    }

    /** The chosen videos ({@code ?videos=id,id}, YouTube ids) as a new combined PDF. */
    @GetMapping(path = "/export.pdf", produces = "application/pdf")
    void pdf(@RequestParam String videos, HttpServletResponse response) throws IOException {
        List<UUID> items = items(videos);
        startDownload(response, "application/pdf", exports.name() + ".pdf");
        exports.writePdf(items, response.getOutputStream());
    }

    /** The chosen videos' exported folders as a new ZIP. */
    @GetMapping(path = "/export.zip", produces = "application/zip")
    void zip(@RequestParam String videos, HttpServletResponse response) throws IOException {
        List<UUID> items = items(videos);
        startDownload(response, "application/zip", exports.name() + ".zip");
        exports.writeZip(items, response.getOutputStream());
    }

    private static void startDownload(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(fileName));
    }

    /** Each chosen video's library item, checked before anything is written. */
    private List<UUID> items(String videos) {
        List<String> ids = Arrays.stream(videos.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct()
                .toList();
        if (ids.isEmpty() || ids.size() > SelectionExport.MAX_VIDEOS) {
            throw new IllegalArgumentException("videos: give 1 to " + SelectionExport.MAX_VIDEOS + " video ids");
        }
        return ids.stream().map(id -> library.video(id).orElseThrow(() -> new IllegalArgumentException(
                "videos: not in the library: " + (id.matches("[A-Za-z0-9_-]{1,20}") ? id : "(not a video id)")))
                .itemId()).toList();
    }

    /** One line of a transcript with the link to its moment. */
    record Line(double start, double end, String text, String link) {}

    /** A video with its transcript. */
    record Video(LibraryVideo video, List<Line> transcript) {}

    @GetMapping
    List<LibraryVideo> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return library.videos(q, offset, limit);
    }

    /** The video with its transcript, or 404 as a problem document. */
    @GetMapping("/{videoId}")
    ResponseEntity<?> get(@PathVariable String videoId) {
        LibraryVideo video = library.video(videoId).orElse(null);
        if (video == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such video in the library"));
        }
        @Nullable Transcript transcript = library.transcript(video).orElse(null);
        return ResponseEntity.ok(new Video(video, transcript == null ? List.of() : transcript.segments().stream()
                .map(s -> new Line(s.start(), s.end(), s.text(), SearchHit.deepLink(video.videoId(), s.start())))
                .toList()));
    }
}
