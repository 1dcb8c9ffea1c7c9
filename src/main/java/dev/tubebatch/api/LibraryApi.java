package dev.tubebatch.api;

import dev.tubebatch.batch.Transcript;
import dev.tubebatch.library.LibraryQueries;
import dev.tubebatch.library.LibraryVideo;
import dev.tubebatch.search.SearchHit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    LibraryApi(LibraryQueries library) {
        this.library = library;
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
