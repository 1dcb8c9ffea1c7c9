package dev.tubebatch.export.render;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepOutcome;
import dev.tubebatch.batch.StepRecord;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.VideoItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** In-memory batches for the renderers: no database, deterministic content. */
public final class Snapshots {

    public static final Instant START = Instant.parse("2025-01-25T12:34:56Z");

    private Snapshots() {}

    public static Batch batch(String name, int videos) {
        return new Batch(UUID.nameUUIDFromBytes(name.getBytes()), name, BatchStatus.COMPLETED_WITH_FAILURES, "tester",
                START, START, START.plusSeconds(60L + videos), 4, 2, OnErrorPolicy.CONTINUE, null, false, false);
    }

    public static VideoItem item(Batch batch, int position, String videoId, String title, ItemStatus status) {
        boolean failed = status == ItemStatus.FAILED;
        return new VideoItem(UUID.nameUUIDFromBytes((batch.id() + videoId).getBytes()), batch.id(), position,
                "https://www.youtube.com/watch?v=" + videoId, videoId, title, failed ? null : "Channel " + position,
                failed ? null : 61 + position, failed ? null : LocalDate.of(2024, 5, 1 + position % 28), status,
                failed ? Step.RESOLVE : Step.EXPORT, null, failed ? 2 : 1, null, START, START,
                START.plusSeconds(10), failed ? ErrorKind.PRIVATE : null, failed ? "Private video " + videoId : null,
                failed ? null : TranscriptSource.CAPTIONS, null, null, null);
    }

    public static BatchSnapshot.Video completed(Batch batch, int position, String videoId, String title, int segments,
            String summary) {
        VideoItem item = item(batch, position, videoId, title, ItemStatus.COMPLETED);
        Instant t = START.plusSeconds(position);
        Map<Step, StepRecord> steps = new EnumMap<>(Step.class);
        int s = 0;
        for (Step step : Step.values()) {
            StepOutcome outcome = step == Step.AUDIO || step == Step.TRANSCRIBE ? StepOutcome.SKIPPED : StepOutcome.DONE;
            steps.put(step, new StepRecord(step, outcome, null, t.plusMillis(s * 100L),
                    t.plusMillis((s + 1) * 100L)));
            s++;
        }
        List<Attempt> attempts = List.of(new Attempt(position, 1, Step.EXPORT, t,
                t.plusMillis(600), AttemptOutcome.SUCCEEDED, null, null, null, null));
        List<Segment> parts = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            parts.add(new Segment(i * 4.5, i * 4.5 + 4, "Sentence " + (i + 1) + " of video " + videoId
                    + " says something about the topic at hand, in about twenty words of plain English."));
        }
        Transcript transcript = new Transcript(item.id(), "en", TranscriptSource.CAPTIONS, parts);
        Summary sum = summary == null ? null
                : new Summary(item.id(), "test", summary, List.of("First point of " + videoId, "Second point"));
        return new BatchSnapshot.Video(item, steps, attempts, transcript, sum);
    }

    public static BatchSnapshot.Video failed(Batch batch, int position, String videoId) {
        VideoItem item = item(batch, position, videoId, null, ItemStatus.FAILED);
        Instant t = START.plusSeconds(position);
        List<Attempt> attempts = List.of(
                new Attempt(1000 + position, 1, Step.RESOLVE, t, t.plusSeconds(1), AttemptOutcome.RETRY,
                        ErrorKind.RATE_LIMITED, "HTTP Error 429 | too many", "ERROR: 429", t.plusSeconds(2)),
                new Attempt(2000 + position, 2, Step.RESOLVE, t.plusSeconds(3), t.plusSeconds(4),
                        AttemptOutcome.FAILED, ErrorKind.PRIVATE, "Private video " + videoId, "ERROR: Private video", null));
        return new BatchSnapshot.Video(item, Map.of(), attempts, null, null);
    }
}
