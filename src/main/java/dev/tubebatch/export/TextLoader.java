package dev.tubebatch.export;

import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the transcripts and summaries of a page of videos. */
interface TextLoader {

    /** Videos read at once when a folder is written: bounds memory whatever the batch size. */
    int PAGE = 200;

    Map<UUID, Transcript> transcripts(List<UUID> itemIds);

    Map<UUID, Summary> summaries(List<UUID> itemIds);

    /** Texts already in a snapshot's videos (tests, benchmarks). */
    static TextLoader of(BatchSnapshot snapshot) {
        Map<UUID, Transcript> transcripts = new HashMap<>();
        Map<UUID, Summary> summaries = new HashMap<>();
        for (BatchSnapshot.Video video : snapshot.videos()) {
            if (video.transcript() != null) {
                transcripts.put(video.item().id(), video.transcript());
            }
            if (video.summary() != null) {
                summaries.put(video.item().id(), video.summary());
            }
        }
        return new TextLoader() {
            @Override
            public Map<UUID, Transcript> transcripts(List<UUID> itemIds) {
                Map<UUID, Transcript> page = new HashMap<>();
                itemIds.forEach(id -> page.computeIfAbsent(id, transcripts::get));
                page.values().removeIf(java.util.Objects::isNull);
                return page;
            }

            @Override
            public Map<UUID, Summary> summaries(List<UUID> itemIds) {
                Map<UUID, Summary> page = new HashMap<>();
                itemIds.forEach(id -> page.computeIfAbsent(id, summaries::get));
                return page;
            }
        };
    }
}
