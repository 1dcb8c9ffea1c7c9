package dev.tubebatch.batch;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The text of a video with timestamps, from captions or speech to text. */
public record Transcript(UUID itemId, @Nullable String language, TranscriptSource source, List<Segment> segments) {

    public Transcript {
        segments = List.copyOf(segments);
    }

    /** The whole text, segments joined by spaces. */
    public String plainText() {
        return segments.stream().map(Segment::text).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
    }
}
