package dev.tubebatch.api;

import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchQueries.ItemState;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream of a batch's events and what it has told its client: each item's status and step as last sent
 * (or as it was when the stream opened). A batch-level change sends the batch's counts and then every item that
 * differs from what was sent, so a stream that missed changes (another node's notifications lost while this node
 * reconnected to the database) catches up. {@link #send} runs on one sender thread at a time; the stream's opening,
 * on the request's thread, may overlap it.
 */
final class EventStream {

    private final UUID batchId;
    private final BatchQueries batches;
    private final SseEmitter emitter;
    private final Map<UUID, ItemState> sent = new ConcurrentHashMap<>();

    EventStream(UUID batchId, BatchQueries batches, SseEmitter emitter) {
        this.batchId = batchId;
        this.batches = batches;
        this.emitter = emitter;
    }

    /**
     * What the client is taken to know as the stream opens: the items as they are now (it lists them apart). Read
     * once subscribed, so a later change is sent; an item the sender sent meanwhile keeps what it sent.
     */
    void rememberItems() {
        for (ItemState item : batches.itemStates(batchId)) {
            sent.putIfAbsent(item.id(), item);
        }
    }

    /** The batch's counts, sent as the stream opens. */
    SseEmitter.SseEventBuilder openingEvent() {
        return SseEmitter.event().name("batch").data(batchState(), MediaType.APPLICATION_JSON);
    }

    /** Sends what the change tells; a failure to send ends the stream. */
    void send(BatchChange change) {
        try {
            if (change.itemId() == null) {
                emitter.send(openingEvent());
                for (ItemState item : batches.itemStates(batchId)) {
                    if (differs(sent.get(item.id()), item)) {
                        sendItem(item);
                    }
                }
                return;
            }
            var item = batches.item(change.itemId());
            if (item.isPresent()) {
                sendItem(ItemState.of(item.get()));
            }
        } catch (IOException | IllegalStateException e) {
            emitter.completeWithError(e);
        }
    }

    private static boolean differs(@Nullable ItemState last, ItemState now) {
        return last == null || last.status() != now.status() || !Objects.equals(last.step(), now.step());
    }

    private void sendItem(ItemState item) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemId", item.id());
        data.put("position", item.position());
        data.put("videoId", item.videoId());
        data.put("status", item.status().name());
        data.put("step", item.step() == null ? null : item.step().name());
        emitter.send(SseEmitter.event().name("item").data(data, MediaType.APPLICATION_JSON));
        sent.put(item.id(), item);
    }

    private Map<String, Object> batchState() {
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
