package dev.tubebatch.export;

import dev.tubebatch.batch.NoSuchBatchException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads for people signed in to the web app (the app's session and login, not the API's chain): a batch's ZIP,
 * all of it or {@code ?videos=id,id}, and its combined PDF. Files are rebuilt from the database first when missing or
 * outdated; the ZIP is streamed onto the response as it is made.
 */
@Controller
class DownloadController {

    /** Where downloads live; the batch view links here. */
    static final String PATH = "/downloads/batches/";

    private final ExportService exports;

    DownloadController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping(PATH + "{id}.zip")
    void zip(@PathVariable UUID id, @RequestParam(name = "videos", required = false) @Nullable String videos,
            HttpServletResponse response) throws IOException {
        List<String> chosen = videos == null || videos.isBlank() ? List.of()
                : Arrays.stream(videos.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String name = exports.zipFileName(id);
        // Checked before the first byte, so a bad selection is still a 400 and not a broken download.
        exports.checkSelection(id, chosen);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(name));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.writeZip(id, chosen, response.getOutputStream());
    }

    @GetMapping(PATH + "{id}.pdf")
    void pdf(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        Path pdf = exports.combinedPdf(id);
        String name = exports.zipFileName(id).replaceAll("\\.zip$", ".pdf");
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, DownloadHeaders.attachment(name));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLengthLong(Files.size(pdf));
        try (InputStream in = Files.newInputStream(pdf)) {
            in.transferTo(response.getOutputStream());
        }
    }

    @ExceptionHandler(NoSuchBatchException.class)
    ResponseEntity<String> noSuchBatch(NoSuchBatchException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .body("No such batch\n");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .body(e.getMessage() + "\n");
    }
}
