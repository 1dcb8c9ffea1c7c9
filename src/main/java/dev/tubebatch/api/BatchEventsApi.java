package dev.tubebatch.api;

import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchQueries;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live progress of one batch as server-sent events: an event {@code item} each time one of its videos changes
 * (status, step), an event {@code batch} when the batch itself does. Changes made on any node arrive (see the
 * cluster package). Each event is re-read from the database, so it tells the state as it is, not as it was sent.
 * After a {@code batch} event come the {@code item} events of every video that differs from what the stream last
 * sent, so a stream that missed changes (see {@link EventStream}) catches up at the batch's next change.
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
        EventStream stream = new EventStream(id, batches, emitter);
        // Changes arrive on job and listener threads, which must not wait for a slow client: one sender per stream.
        ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("sse-" + id).factory());
        BatchEvents.Subscription subscription = events.subscribe(change -> {
            if (id.equals(change.batchId()) && !sender.isShutdown()) {
                sender.execute(() -> stream.send(change));
            }
        });
        Runnable end = () -> {
            subscription.close();
            sender.shutdownNow();
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        try {
            stream.rememberItems(); // once subscribed, so a change after this read is sent
            emitter.send(stream.openingEvent());
        } catch (IOException | RuntimeException e) {
            end.run();
            throw e;
        }
        return emitter;
    }
}
