package dev.tubebatch.webhook;

import dev.tubebatch.batch.BatchStatus;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a webhook can be told of. */
public enum WebhookEvent {
    BATCH_COMPLETED,
    BATCH_COMPLETED_WITH_FAILURES,
    BATCH_STOPPED,
    BATCH_CANCELLED,
    WATCH_FOUND_VIDEOS;

    /** The event of a batch status, or null when that status is not one. */
    static @Nullable WebhookEvent of(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> BATCH_COMPLETED;
            case COMPLETED_WITH_FAILURES -> BATCH_COMPLETED_WITH_FAILURES;
            case STOPPED -> BATCH_STOPPED;
            case CANCELLED -> BATCH_CANCELLED;
            default -> null;
        };
    }

    /** {@code batch.completed}, {@code watch.found_videos}: the name in payloads and headers. */
    public String wireName() {
        String lower = name().toLowerCase(Locale.ROOT);
        int split = lower.indexOf('_');
        return lower.substring(0, split) + "." + lower.substring(split + 1);
    }

    /** Reads a wire name or an enum name. @throws IllegalArgumentException naming the field */
    public static WebhookEvent parse(String text) {
        for (WebhookEvent event : values()) {
            if (event.wireName().equalsIgnoreCase(text.strip()) || event.name().equalsIgnoreCase(text.strip())) {
                return event;
            }
        }
        throw new IllegalArgumentException("events: unknown event '" + text + "'");
    }
}
