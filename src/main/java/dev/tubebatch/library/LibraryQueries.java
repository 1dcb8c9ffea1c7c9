package dev.tubebatch.library;

import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the library: each video once (its most recent item with a transcript), newest upload first. The text filter
 * matches title, channel or video id (case-insensitive, bound as a parameter, {@code %} and {@code _} taken literally).
 */
@Repository
public class LibraryQueries {

    public static final int MAX_PAGE = 500;

    private static final String VIDEOS = """
            with latest as (
                select distinct on (i.video_id) i.video_id, i.id, i.title, i.channel, i.upload_date,
                       i.duration_seconds, t.source, t.language, i.batch_id, b.name as batch_name,
                       count(*) over (partition by i.video_id) as batches
                  from video_item i
                  join transcript t on t.item_id = i.id
                  join batch b on b.id = i.batch_id
                 order by i.video_id, t.created_at desc, i.id)
            select l.*, s.text as summary
              from latest l left join summary s on s.item_id = l.id
            """;

    private final JdbcClient jdbc;
    private final TranscriptStore transcripts;

    LibraryQueries(JdbcClient jdbc, TranscriptStore transcripts) {
        this.jdbc = jdbc;
        this.transcripts = transcripts;
    }

    /** A page of videos whose title, channel or video id contains {@code text} (all when blank). */
    public List<LibraryVideo> videos(String text, int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: must be 0 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_PAGE);
        }
        String pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(VIDEOS + """
                 where coalesce(l.title, '') ilike :pattern or coalesce(l.channel, '') ilike :pattern
                       or l.video_id ilike :pattern
                 order by l.upload_date desc nulls last, l.video_id
                 limit :limit offset :offset""")
                .param("pattern", pattern).param("limit", limit).param("offset", offset)
                .query((rs, n) -> video(rs)).list();
    }

    public Optional<LibraryVideo> video(String videoId) {
        return jdbc.sql(VIDEOS + " where l.video_id = :video").param("video", videoId)
                .query((rs, n) -> video(rs)).optional();
    }

    /** The video's transcript, from the same item the library shows. */
    public Optional<Transcript> transcript(LibraryVideo video) {
        return transcripts.find(video.itemId());
    }

    private static LibraryVideo video(ResultSet rs) throws SQLException {
        Date uploaded = rs.getDate("upload_date");
        int duration = rs.getInt("duration_seconds");
        Integer durationSeconds = rs.wasNull() ? null : duration;
        return new LibraryVideo(rs.getString("video_id"), rs.getObject("id", UUID.class), rs.getString("title"),
                rs.getString("channel"), uploaded == null ? null : uploaded.toLocalDate(), durationSeconds,
                TranscriptSource.valueOf(rs.getString("source")), rs.getString("language"), rs.getString("summary"),
                rs.getObject("batch_id", UUID.class), rs.getString("batch_name"), rs.getInt("batches"));
    }
}
