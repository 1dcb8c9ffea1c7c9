package dev.tubebatch.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.watch.WatchFoundVideos;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The facts of one event, in one place: the JSON a webhook posts and what an email tells are both made from it, and
 * it is stored with every delivery. A batch event has {@code batch} and the batch's counts; a watch event has
 * {@code watch}, {@code listed} and {@code new}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventPayload(String event, @Nullable BatchFacts batch, @Nullable WatchFacts watch, Counts counts,
        Links links) {

    public record BatchFacts(String id, String name, String status, String createdBy, String stopReason) {}

    public record WatchFacts(String id, String name, String sourceUrl) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counts(@Nullable Integer total, @Nullable Integer completed, @Nullable Integer failed,
            @Nullable Integer cancelled, @Nullable Integer listed, @JsonProperty("new") @Nullable Integer newVideos) {}

    /** The web app's page of the batch, its API resource and its ZIP. */
    public record Links(String batch, String api, String zip) {

        static Links of(String publicUrl, UUID batchId) {
            return new Links(publicUrl + "/batches/" + batchId, publicUrl + "/api/batches/" + batchId,
                    publicUrl + "/api/batches/" + batchId + "/download.zip");
        }
    }

    static EventPayload of(WebhookEvent event, Batch batch, BatchProgress progress, String publicUrl) {
        return new EventPayload(event.wireName(),
                new BatchFacts(batch.id().toString(), batch.name(), batch.status().name(), batch.createdBy(),
                        batch.stopReason() == null ? "" : batch.stopReason()),
                null,
                new Counts(progress.total(), progress.completed(), progress.failed(), progress.cancelled(), null, null),
                Links.of(publicUrl, batch.id()));
    }

    static EventPayload of(WatchFoundVideos found, String publicUrl) {
        return new EventPayload(WebhookEvent.WATCH_FOUND_VIDEOS.wireName(), null,
                new WatchFacts(found.watchId().toString(), found.watchName(), found.sourceUrl()),
                new Counts(null, null, null, null, found.listed(), found.newVideos()),
                Links.of(publicUrl, found.batchId()));
    }

    WebhookEvent kind() {
        return WebhookEvent.parse(event);
    }
}
