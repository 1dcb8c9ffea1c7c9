package dev.tubebatch.watch;

import dev.tubebatch.intake.PreviewRequest;
import java.time.Instant;
import java.util.UUID;

/** A watch as stored: its source, filters, schedule ({@code hourly}, {@code daily} or cron), whether it is paused. */
public record Watch(UUID id, String name, String sourceUrl, int recent, PreviewRequest.Filters filters,
        String schedule, String cron, boolean paused, String createdBy, Instant createdAt) {}
