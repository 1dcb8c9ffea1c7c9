package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.VideoItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the batch reports and the combined PDF say alike: a failed video's error, a video's time. */
final class ReportFacts {

    private ReportFacts() {}

    /** A failed video's error: its message, else its error class's description, else "Failed". */
    static String error(VideoItem item) {
        if (item.errorMessage() != null && !item.errorMessage().isBlank()) {
            return item.errorMessage();
        }
        return item.errorKind() == null ? "Failed" : item.errorKind().description();
    }

    /** The time a video's tries took, in seconds, or null if none has finished. */
    static @Nullable Double processingSeconds(List<Attempt> attempts) {
        double total = 0;
        boolean any = false;
        for (Attempt a : attempts) {
            if (a.finishedAt() != null) {
                total += secondsBetween(a.startedAt(), a.finishedAt());
                any = true;
            }
        }
        return any ? Json.seconds(total) : null;
    }

    /** The time from one instant to another, in seconds. */
    static double secondsBetween(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
