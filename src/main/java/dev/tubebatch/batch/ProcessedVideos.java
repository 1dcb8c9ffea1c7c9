package dev.tubebatch.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which videos already have a stored transcript from some batch: intake skips them by default, and a later batch
 * could reuse the transcript instead of fetching and transcribing again.
 */
@Repository
public class ProcessedVideos {

    /** Ids asked about per query: keeps the array parameter small however long the preview. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    ProcessedVideos(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest stored transcript of a video: which item of which batch holds it. */
    public record Processed(String videoId, UUID itemId, UUID batchId, String batchName, Instant storedAt) {}

    /** For each of {@code videoIds} that has a stored transcript, the newest one. */
    public Map<String, Processed> latest(Collection<String> videoIds) {
        Map<String, Processed> found = new HashMap<>();
        List<String> ids = List.copyOf(videoIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            jdbc.sql("""
                    select distinct on (i.video_id) i.video_id, i.id, b.id, b.name, t.created_at
                    from video_item i
                    join transcript t on t.item_id = i.id
                    join batch b on b.id = i.batch_id
                    where i.video_id = any(:ids)
                    order by i.video_id, t.created_at desc""")
                    .param("ids", chunk.toArray(String[]::new))
                    .query((rs, n) -> new Processed(rs.getString(1), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant()))
                    .list()
                    .forEach(p -> found.put(p.videoId(), p));
        }
        return found;
    }
}
