package dev.tubebatch.api;

import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.VideoItem;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress of one batch as server-sent events: an event {@code item} each time one of its videos changes
 * (status, step), an event {@code batch} when the batch itself does. Changes made on any node arrive (see the
 * cluster package). Each event is re-read from the database, so it tells the state as it is, not as it was sent.
 */
@RestController
class BatchEventsApi {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final BatchQueries batches;
    private final BatchEvents events;

    BatchEventsApi(BatchQueries batches, BatchEvents events) {
        this.batches = batches;
        this.events = events;
    }

    @GetMapping(path = "/api/batches/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter follow(@PathVariable UUID id) throws IOException {
        batches.get(id);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        // Changes arrive on job and listener threads, which must not wait for a slow client: one sender per stream.
        ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sse-" + id).factory());
        BatchEvents.Subscription subscription = events.subscribe(change -> {
            if (id.equals(change.batchId()) && !sender.isShutdown()) {
                sender.execute(() -> send(emitter, change.batchId(), change.itemId()));
            }
        });
        Runnable end = () -> {
            subscription.close();
            sender.shutdownNow();
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        emitter.send(SseEmitter.event().name("batch").data(batchState(id), MediaType.APPLICATION_JSON));
        return emitter;
    }

    private void send(SseEmitter emitter, UUID batchId, @Nullable UUID itemId) {
        try {
            if (itemId == null) {
                emitter.send(SseEmitter.event().name("batch").data(batchState(batchId), MediaType.APPLICATION_JSON));
                return;
            }
            VideoItem item = batches.item(itemId).orElse(null);
            if (item != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("itemId", item.id());
                data.put("position", item.position());
                data.put("videoId", item.videoId());
                data.put("status", item.status().name());
                data.put("step", item.currentStep() == null ? null : item.currentStep().name());
                emitter.send(SseEmitter.event().name("item").data(data, MediaType.APPLICATION_JSON));
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    private Map<String, Object> batchState(UUID batchId) {
        var progress = batches.progress(batchId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("batchId", batchId);
        data.put("status", batches.get(batchId).status().name());
        data.put("total", progress.total());
        data.put("finished", progress.finished());
        data.put("failed", progress.failed());
        data.put("etaSeconds", BatchJson.seconds(batches.estimate(batchId).eta()));
        return data;
    }
}
