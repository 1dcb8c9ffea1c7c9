package dev.tubebatch.batch;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Transcripts (segments as JSON) and summaries of items. Saving again replaces, so a re-run step cannot duplicate. */
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

    public void save(Summary summary) {
        Summary.Usage usage = summary.usage();
        jdbc.sql("""
                insert into summary (item_id, method, text, key_points, chapters, note, llm_calls, tokens_in,
                                     tokens_out, llm_millis, cost, created_at)
                values (:item, :method, :text, cast(:points as jsonb), cast(:chapters as jsonb), :note, :calls,
                        :tokensIn, :tokensOut, :millis, :cost, :now)
                on conflict (item_id) do update set method = excluded.method, text = excluded.text,
                       key_points = excluded.key_points, chapters = excluded.chapters, note = excluded.note,
                       llm_calls = excluded.llm_calls, tokens_in = excluded.tokens_in,
                       tokens_out = excluded.tokens_out, llm_millis = excluded.llm_millis, cost = excluded.cost,
                       created_at = excluded.created_at""")
                .param("item", summary.itemId()).param("method", summary.method()).param("text", summary.text())
                .param("points", json.writeValueAsString(summary.keyPoints()))
                .param("chapters", json.writeValueAsString(summary.chapters()))
                .param("note", summary.note(), java.sql.Types.VARCHAR)
                .param("calls", usage == null ? null : usage.calls(), java.sql.Types.INTEGER)
                .param("tokensIn", usage == null ? null : usage.tokensIn(), java.sql.Types.BIGINT)
                .param("tokensOut", usage == null ? null : usage.tokensOut(), java.sql.Types.BIGINT)
                .param("millis", usage == null ? null : usage.millis(), java.sql.Types.BIGINT)
                .param("cost", usage == null ? null : usage.cost(), java.sql.Types.NUMERIC)
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
    }

    public Optional<Summary> findSummary(UUID itemId) {
        return jdbc.sql("select " + SUMMARY_COLUMNS + " from summary where item_id = :item")
                .param("item", itemId)
                .query((rs, n) -> summary(rs))
                .optional();
    }

    private static final String SUMMARY_COLUMNS = "item_id, method, text, key_points::text, chapters::text, note, "
            + "llm_calls, tokens_in, tokens_out, llm_millis, cost";

    private Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
        Summary.Usage usage = rs.getObject(7) == null ? null : new Summary.Usage(rs.getInt(7), rs.getLong(8),
                rs.getLong(9), rs.getLong(10), rs.getBigDecimal(11));
        return new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                Arrays.asList(json.readValue(rs.getString(4), String[].class)),
                Arrays.asList(json.readValue(rs.getString(5), ChapterSummary[].class)), rs.getString(6), usage);
    }

    /** Keeps a video's chapters (from its metadata) so that later steps and retries need not ask yt-dlp. */
    public void saveChapters(UUID itemId, List<Chapter> chapters) {
        jdbc.sql("update video_item set chapters = cast(:chapters as jsonb) where id = :item")
                .param("item", itemId).param("chapters", json.writeValueAsString(chapters)).update();
    }

    /** The chapters stored for an item; empty when it has none or none were stored. */
    public List<Chapter> chapters(UUID itemId) {
        String stored = jdbc.sql("select chapters::text from video_item where id = :item").param("item", itemId)
                .query(String.class).optional().orElse(null);
        return stored == null ? List.of() : Arrays.asList(json.readValue(stored, Chapter[].class));
    }

    /**
     * What is stored for an item besides its texts: enough to list its files and say where its transcript came from,
     * without reading the segments. Either part may be missing (null source: no transcript; null method: no summary).
     */
    public record TextInfo(@Nullable String language, @Nullable TranscriptSource source, int segments,
            @Nullable Instant transcriptAt, @Nullable String summaryMethod, @Nullable Instant summaryAt,
            Summary.@Nullable Usage summaryUsage) {

        public TextInfo(@Nullable String language, @Nullable TranscriptSource source, int segments,
                @Nullable Instant transcriptAt, @Nullable String summaryMethod, @Nullable Instant summaryAt) {
            this(language, source, segments, transcriptAt, summaryMethod, summaryAt, null);
        }
    }

    /** {@link TextInfo} for every item of a batch that has a transcript or a summary, by item id (one query). */
    public java.util.Map<UUID, TextInfo> textInfoOfBatch(UUID batchId) {
        java.util.Map<UUID, TextInfo> byItem = new java.util.HashMap<>();
        jdbc.sql("""
                select i.id, t.language, t.source, coalesce(jsonb_array_length(t.segments), 0), t.created_at,
                       s.method, s.created_at, s.llm_calls, s.tokens_in, s.tokens_out, s.llm_millis, s.cost
                  from video_item i left join transcript t on t.item_id = i.id left join summary s on s.item_id = i.id
                 where i.batch_id = :batch and (t.item_id is not null or s.item_id is not null)""")
                .param("batch", batchId)
                .query(rs -> {
                    byItem.put(rs.getObject(1, UUID.class), new TextInfo(rs.getString(2),
                            rs.getString(3) == null ? null : TranscriptSource.valueOf(rs.getString(3)), rs.getInt(4),
                            rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getString(6),
                            rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                            rs.getObject(8) == null ? null : new Summary.Usage(rs.getInt(8), rs.getLong(9),
                                    rs.getLong(10), rs.getLong(11), rs.getBigDecimal(12))));
                });
        return byItem;
    }

    /**
     * The source of the transcript of every item of a batch that has one, by item id: one query that reads no
     * segments, cheap enough for the often rewritten state file.
     */
    public java.util.Map<UUID, TranscriptSource> transcriptSourcesOfBatch(UUID batchId) {
        java.util.Map<UUID, TranscriptSource> byItem = new java.util.HashMap<>();
        jdbc.sql("""
                select i.id, t.source from video_item i join transcript t on t.item_id = i.id
                 where i.batch_id = :batch""")
                .param("batch", batchId)
                .query(rs -> {
                    byItem.put(rs.getObject(1, UUID.class), TranscriptSource.valueOf(rs.getString(2)));
                });
        return byItem;
    }

    /** The transcripts of the given items that have one, by item id (one query; pass a page, not a whole batch). */
    public java.util.Map<UUID, Transcript> transcripts(java.util.Collection<UUID> itemIds) {
        java.util.Map<UUID, Transcript> byItem = new java.util.HashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        jdbc.sql("select item_id, language, source, segments::text from transcript where item_id in (:items)")
                .param("items", List.copyOf(itemIds))
                .query(rs -> {
                    UUID item = rs.getObject(1, UUID.class);
                    byItem.put(item, new Transcript(item, rs.getString(2), TranscriptSource.valueOf(rs.getString(3)),
                            parse(rs.getString(4))));
                });
        return byItem;
    }

    /** The summaries of the given items that have one, by item id (one query). */
    public java.util.Map<UUID, Summary> summaries(java.util.Collection<UUID> itemIds) {
        java.util.Map<UUID, Summary> byItem = new java.util.HashMap<>();
        if (itemIds.isEmpty()) {
            return byItem;
        }
        jdbc.sql("select " + SUMMARY_COLUMNS + " from summary where item_id in (:items)")
                .param("items", List.copyOf(itemIds))
                .query(rs -> {
                    Summary summary = summary(rs);
                    byItem.put(summary.itemId(), summary);
                });
        return byItem;
    }

    /** Deletes an item's transcript (its search index goes with it) and summary; answers whether there was any. */
    public boolean delete(UUID itemId) {
        int transcripts = jdbc.sql("delete from transcript where item_id = :item").param("item", itemId).update();
        int summaries = jdbc.sql("delete from summary where item_id = :item").param("item", itemId).update();
        return transcripts + summaries > 0;
    }

    private List<Segment> parse(String segments) {
        return Arrays.asList(json.readValue(segments, Segment[].class));
    }
}
