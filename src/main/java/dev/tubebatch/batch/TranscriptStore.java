package dev.tubebatch.batch;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Transcripts (segments as JSON) of items. Saving again replaces, so a re-run step cannot duplicate. */
@Repository
public class TranscriptStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TranscriptStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(Transcript transcript) {
        jdbc.sql("""
                insert into transcript (item_id, language, source, segments, created_at)
                values (:item, :language, :source, cast(:segments as jsonb), :now)
                on conflict (item_id) do update set language = excluded.language, source = excluded.source,
                       segments = excluded.segments, created_at = excluded.created_at""")
                .param("item", transcript.itemId()).param("language", transcript.language())
                .param("source", transcript.source().name())
                .param("segments", json.writeValueAsString(transcript.segments()))
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
    }

    public Optional<Transcript> find(UUID itemId) {
        return jdbc.sql("select language, source, segments::text from transcript where item_id = :item")
                .param("item", itemId)
                .query((rs, n) -> new Transcript(itemId, rs.getString(1), TranscriptSource.valueOf(rs.getString(2)),
                        parse(rs.getString(3))))
                .optional();
    }

    private List<Segment> parse(String segments) {
        return Arrays.asList(json.readValue(segments, Segment[].class));
    }
}
