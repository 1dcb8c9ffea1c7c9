package dev.tubebatch.watch;

import dev.tubebatch.intake.PreviewRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Reads watches and their runs. */
@Repository
public class WatchQueries {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WatchQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<Watch> list() {
        return jdbc.sql("select * from watch order by created_at desc, id").query((rs, n) -> watch(rs)).list();
    }

    public Optional<Watch> find(UUID id) {
        return jdbc.sql("select * from watch where id = :id").param("id", id).query((rs, n) -> watch(rs)).optional();
    }

    /** The watch's runs, newest first (at most {@code limit}). */
    public List<WatchRun> runs(UUID watchId, int limit) {
        return jdbc.sql("""
                select id, watch_id, started_at, finished_at, listed, new_videos, batch_id, error
                  from watch_run where watch_id = :watch order by started_at desc, id desc limit :limit""")
                .param("watch", watchId).param("limit", limit)
                .query((rs, n) -> new WatchRun(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getInt(6),
                        rs.getObject(7, UUID.class), rs.getString(8)))
                .list();
    }

    private Watch watch(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new Watch(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("source_url"),
                rs.getInt("recent"), json.readValue(rs.getString("filters"), PreviewRequest.Filters.class),
                rs.getString("schedule"), rs.getString("cron"), rs.getBoolean("paused"), rs.getString("created_by"),
                created.toInstant());
    }
}
