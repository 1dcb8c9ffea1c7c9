package dev.tubebatch.search;

import dev.tubebatch.batch.TranscriptSource;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link TranscriptSearch} as it was before the pool needed no joins (commit 5667d16), kept for
 * {@link SearchBenchmark} to time against the search as it is, interleaved, on the same database.
 */
class TranscriptSearchBefore {

    /** The most matching segments a search ranks; pages past it are empty. */
    public static final int POOL = 1_000;

    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z_]{1,40}");

    private final JdbcClient jdbc;

    TranscriptSearchBefore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SearchPage search(SearchQuery query) {
        List<String> configs = configs();
        if (configs.isEmpty()) {
            return new SearchPage(query, List.of(), false);
        }
        List<SearchHit> hits = new ArrayList<>(statement(query, configs, false).query((rs, n) -> {
            String marked = Snippets.restore(rs.getString(13), rs.getString(12));
            Date uploaded = rs.getDate(5);
            return new SearchHit(rs.getObject(1, java.util.UUID.class), rs.getString(2), rs.getString(3),
                    rs.getString(4), uploaded == null ? null : uploaded.toLocalDate(),
                    rs.getObject(6, java.util.UUID.class), rs.getString(7), TranscriptSource.valueOf(rs.getString(8)),
                    rs.getString(9), rs.getDouble(10), Snippets.toHtml(marked), Snippets.toPlain(marked),
                    rs.getDouble(11));
        }).list());
        boolean more = hits.size() > query.size();
        return new SearchPage(query, more ? hits.subList(0, query.size()) : hits, more);
    }

    /** The plan of a search as PostgreSQL runs it (EXPLAIN ANALYZE with buffers), for benchmarks. */
    List<String> explain(SearchQuery query) {
        return statement(query, configs(), true).query((rs, n) -> rs.getString(1)).list();
    }

    private JdbcClient.StatementSpec statement(SearchQuery query, List<String> configs, boolean explain) {
        StringBuilder where = new StringBuilder("(");
        for (int i = 0; i < configs.size(); i++) {
            where.append(i == 0 ? "" : "\n        or ").append("(s.config = :c").append(i)
                    .append(" and s.tsv @@ websearch_to_tsquery(cast(:c").append(i)
                    .append(" as regconfig), search_text(:q)))");
        }
        where.append(')');
        if (query.channel() != null) {
            where.append(" and i.channel = :channel");
        }
        if (query.batchId() != null) {
            where.append(" and i.batch_id = :batch");
        }
        if (query.uploadedFrom() != null) {
            where.append(" and i.upload_date >= :from");
        }
        if (query.uploadedTo() != null) {
            where.append(" and i.upload_date <= :to");
        }
        if (query.source() != null) {
            where.append(" and t.source = :source");
        }
        // The pool joins the item and the transcript only when a filter needs them: a common word fills it at once,
        // and two index lookups per match would be most of its time.
        boolean needsItem = query.channel() != null || query.batchId() != null || query.uploadedFrom() != null
                || query.uploadedTo() != null;
        String joins = (needsItem ? " join video_item i on i.id = s.item_id" : "")
                + (query.source() != null ? " join transcript t on t.item_id = s.item_id" : "");
        var statement = jdbc.sql((explain ? "explain (analyze, buffers, timing) " : "") + """
                with pool as materialized (
                    select s.item_id, s.ordinal, s.start_seconds, s.config, s.tsv
                      from transcript_segment s%s
                     where %s
                     limit %d),
                latest as (
                    select distinct on (i.video_id, p.ordinal) p.*, t.created_at
                      from pool p
                      join video_item i on i.id = p.item_id
                      join transcript t on t.item_id = p.item_id
                     order by i.video_id, p.ordinal, t.created_at desc, p.item_id),
                page as (
                    select l.item_id, l.ordinal, l.start_seconds, l.config,
                           ts_rank_cd(l.tsv, websearch_to_tsquery(cast(l.config as regconfig),
                                                                  search_text(:q))) as rank
                      from latest l
                     order by rank desc, l.item_id, l.ordinal
                     limit :limit offset :offset)
                select p.item_id, i.video_id, i.title, i.channel, i.upload_date, i.batch_id, b.name, t.source,
                       t.language, p.start_seconds, p.rank,
                       ts_headline(cast(p.config as regconfig), search_text(s.text),
                                   websearch_to_tsquery(cast(p.config as regconfig), search_text(:q)), :options),
                       s.text
                  from page p
                  join transcript_segment s on s.item_id = p.item_id and s.ordinal = p.ordinal
                  join video_item i on i.id = p.item_id
                  join batch b on b.id = i.batch_id
                  join transcript t on t.item_id = p.item_id
                 order by p.rank desc, p.item_id, p.ordinal""".formatted(joins, where, POOL))
                .param("q", query.text())
                .param("options", Snippets.HEADLINE_OPTIONS)
                .param("limit", query.size() + 1)
                .param("offset", query.page() * query.size());
        for (int i = 0; i < configs.size(); i++) {
            statement = statement.param("c" + i, configs.get(i));
        }
        if (query.channel() != null) {
            statement = statement.param("channel", query.channel());
        }
        if (query.batchId() != null) {
            statement = statement.param("batch", query.batchId());
        }
        if (query.uploadedFrom() != null) {
            statement = statement.param("from", Date.valueOf(query.uploadedFrom()));
        }
        if (query.uploadedTo() != null) {
            statement = statement.param("to", Date.valueOf(query.uploadedTo()));
        }
        if (query.source() != null) {
            statement = statement.param("source", query.source().name());
        }
        return statement;
    }

    /**
     * The configurations of stored transcripts ({@code search_config_in_use}, a few rows kept by the trigger), read
     * for every search: each is an index scan of its own, so only those in use are asked.
     */
    List<String> configs() {
        List<String> known = jdbc.sql("select config from search_config_in_use order by 1")
                .query((rs, n) -> rs.getString(1)).list();
        for (String config : known) {
            if (!CONFIG_NAME.matcher(config).matches()) {
                throw new IllegalStateException("search_config_in_use holds a malformed configuration: " + config);
            }
        }
        return known;
    }
}
