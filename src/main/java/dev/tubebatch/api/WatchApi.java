package dev.tubebatch.api;

import dev.tubebatch.intake.PreviewRequest;
import dev.tubebatch.watch.Watch;
import dev.tubebatch.watch.WatchQueries;
import dev.tubebatch.watch.WatchRun;
import dev.tubebatch.watch.WatchService;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Watches over HTTP: list and runs for a VIEWER; create, pause, resume and delete for an OPERATOR. */
@RestController
@RequestMapping(path = "/api/watches", produces = "application/json")
class WatchApi {

    private final WatchService watches;
    private final WatchQueries queries;

    WatchApi(WatchService watches, WatchQueries queries) {
        this.watches = watches;
        this.queries = queries;
    }

    /** A new watch; filters as in a batch (minutes, ISO dates), {@code schedule}: hourly, daily or cron. */
    record Create(String name, String sourceUrl, @Nullable Integer recent, String schedule,
            @Nullable Integer minMinutes, @Nullable Integer maxMinutes, @Nullable LocalDate uploadedAfter,
            @Nullable LocalDate uploadedBefore, @Nullable String titleContains, @Nullable String titleExcludes,
            @Nullable Boolean skipShorts, @Nullable Boolean skipLive, @Nullable Boolean skipProcessed) {

        WatchService.NewWatch toNewWatch() {
            return new WatchService.NewWatch(name, sourceUrl, recent == null ? PreviewRequest.DEFAULT_RECENT : recent,
                    new PreviewRequest.Filters(minMinutes == null ? null : Duration.ofMinutes(minMinutes),
                            maxMinutes == null ? null : Duration.ofMinutes(maxMinutes), uploadedAfter,
                            uploadedBefore, titleContains, titleExcludes, Boolean.TRUE.equals(skipShorts),
                            Boolean.TRUE.equals(skipLive), !Boolean.FALSE.equals(skipProcessed)),
                    schedule == null ? "" : schedule);
        }
    }

    /** A watch's new filters, the same fields as at creation; one left out is unset (skipProcessed: on). */
    record FiltersUpdate(@Nullable Integer minMinutes, @Nullable Integer maxMinutes, @Nullable LocalDate uploadedAfter,
            @Nullable LocalDate uploadedBefore, @Nullable String titleContains, @Nullable String titleExcludes,
            @Nullable Boolean skipShorts, @Nullable Boolean skipLive, @Nullable Boolean skipProcessed) {

        PreviewRequest.Filters toFilters() {
            return new PreviewRequest.Filters(minutes("minMinutes", minMinutes), minutes("maxMinutes", maxMinutes),
                    uploadedAfter, uploadedBefore, titleContains, titleExcludes, Boolean.TRUE.equals(skipShorts),
                    Boolean.TRUE.equals(skipLive), !Boolean.FALSE.equals(skipProcessed));
        }

        private static @Nullable Duration minutes(String field, @Nullable Integer minutes) {
            if (minutes != null && (minutes < 0 || minutes > 100_000)) {
                throw new IllegalArgumentException(field + ": between 0 and 100000 minutes");
            }
            return minutes == null ? null : Duration.ofMinutes(minutes);
        }
    }

    @GetMapping
    List<Watch> list() {
        return queries.list();
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Watch> create(@RequestBody Create request, Principal principal) {
        Watch watch = watches.create(request.toNewWatch(), principal.getName());
        return ResponseEntity.created(URI.create("/api/watches/" + watch.id())).body(watch);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(@PathVariable UUID id) {
        return queries.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(WatchApi::notFound);
    }

    /** The watch's runs, newest first (the last 100). */
    @GetMapping("/{id}/runs")
    ResponseEntity<?> runs(@PathVariable UUID id) {
        if (queries.find(id).isEmpty()) {
            return notFound();
        }
        List<WatchRun> runs = queries.runs(id, 100);
        return ResponseEntity.ok(runs);
    }

    /** Replaces the watch's filters; its next run applies them. */
    @PutMapping(path = "/{id}/filters", consumes = "application/json")
    ResponseEntity<?> updateFilters(@PathVariable UUID id, @RequestBody FiltersUpdate request) {
        return watches.updateFilters(id, request.toFilters())
                ? ResponseEntity.ok(queries.find(id).orElseThrow()) : notFound();
    }

    @PostMapping("/{id}/pause")
    ResponseEntity<?> pause(@PathVariable UUID id) {
        return changed(id, watches.pause(id));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<?> resume(@PathVariable UUID id) {
        return changed(id, watches.resume(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<?> delete(@PathVariable UUID id) {
        return watches.delete(id) ? ResponseEntity.noContent().build() : notFound();
    }

    private ResponseEntity<?> changed(UUID id, boolean changed) {
        return queries.find(id).<ResponseEntity<?>>map(w -> ResponseEntity.ok(new Changed(changed, w)))
                .orElseGet(WatchApi::notFound);
    }

    /** Whether the request changed the watch (false: it was already so), and the watch now. */
    record Changed(boolean changed, Watch watch) {}

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such watch"));
    }
}
