package dev.tubebatch.batch;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Batch digests. Saving again replaces, so a digest made twice (a reopened batch) is kept once. */
@Repository
public class DigestStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DigestStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(BatchDigest digest) {
        jdbc.sql("""
                insert into batch_digest (batch_id, method, themes, lines, llm_calls, tokens_in, tokens_out,
                                          llm_millis, created_at)
                values (:batch, :method, cast(:themes as jsonb), cast(:lines as jsonb), :calls, :in, :out, :millis,
                        :now)
                on conflict (batch_id) do update set method = excluded.method, themes = excluded.themes,
                       lines = excluded.lines, llm_calls = excluded.llm_calls, tokens_in = excluded.tokens_in,
                       tokens_out = excluded.tokens_out, llm_millis = excluded.llm_millis,
                       created_at = excluded.created_at""")
                .param("batch", digest.batchId()).param("method", digest.method())
                .param("themes", json.writeValueAsString(digest.themes()))
                .param("lines", json.writeValueAsString(digest.lines()))
                .param("calls", digest.usage().calls()).param("in", digest.usage().tokensIn())
                .param("out", digest.usage().tokensOut()).param("millis", digest.usage().millis())
                .param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
    }

    public Optional<BatchDigest> find(UUID batchId) {
        return jdbc.sql("""
                select method, themes::text, lines::text, llm_calls, tokens_in, tokens_out, llm_millis
                  from batch_digest where batch_id = :batch""")
                .param("batch", batchId)
                .query((rs, n) -> new BatchDigest(batchId, rs.getString(1),
                        Arrays.asList(json.readValue(rs.getString(2), String[].class)),
                        Arrays.asList(json.readValue(rs.getString(3), BatchDigest.Line[].class)),
                        new Summary.Usage(rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), null)))
                .optional();
    }
}
