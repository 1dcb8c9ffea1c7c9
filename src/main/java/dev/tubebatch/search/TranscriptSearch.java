package dev.tubebatch.search;

import dev.tubebatch.batch.TranscriptSource;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Searches {@code transcript_segment} (one row per segment, its {@code tsvector} built with the text-search
 * configuration of its transcript's language and kept in step by a trigger; see migration V14).
 *
 * <p>Each segment has its own configuration, so the query is parsed once per configuration and the condition is an
 * OR of {@code (config = c and tsv @@ websearch_to_tsquery(c, q))} over the configurations stored transcripts use
 * ({@code search_config_in_use}): every branch is a GIN index scan. The SQL text is the same for every search with the
 * same filters; the words, the configurations and the filter values are bound parameters. Documents, queries and
 * snippets pass through {@code search_text}, so that markup-looking text is words like any other.
 *
 * <p>A common word matches a few percent of all segments, and ranking every match costs time in proportion (half a
 * second at 5 million segments). So the matches go through a pool of at most {@link #POOL} segments first, taken
 * from the GIN index's bitmap scan with a LIMIT (in storage order, which stops the heap scan once the pool is full):
 * a query with fewer matches is ranked over all of them, exactly as before; a commoner one over the first
 * {@code POOL}. A video in several batches gives one hit per segment, from its newest transcript: each segment row
 * carries its video id and its transcript's time (V20), so the pool is narrowed to those without a join. The pool is
 * ranked (the query parsed once per configuration, not once per row) and the page cut; snippets ({@code ts_headline},
 * the costly part) are made only for the page.
 *
 * <p>The same search gives the same pages every time: the pool is the first matches in storage order, so each search
 * runs in a read-only transaction that turns off, for itself alone, what would change that order on a big table (a
 * parallel scan, whose workers finish in any order, and a sequential scan that joins one already under way,
 * {@code synchronize_seqscans}), and that gives the bitmap of a common word's matches room to stay exact
 * ({@link #WORK_MEM}).
 */
@Repository
public class TranscriptSearch {

    /** The most matching segments a search ranks; pages past it are empty. */
    public static final int POOL = 1_000;

    /**
     * The memory a search's bitmap of matches may take. A common word matches about 100,000 segments of 5 million;
     * with PostgreSQL's default of 4 MB that bitmap turns half its pages lossy, and every row on them is checked
     * again (p95 of 1-word queries 45 ms at 20,000 transcripts; 36 ms with this, which keeps it exact).
     */
    static final String WORK_MEM = "16MB";

    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z_]{1,40}");

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    TranscriptSearch(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public SearchPage search(SearchQuery query) {
        return inStorageOrder(() -> searchInOrder(query));
    }

    private <T> T inStorageOrder(java.util.function.Supplier<T> work) {
        return Objects.requireNonNull(readOnly.execute(status -> {
            jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true), "
                    + "set_config('synchronize_seqscans', 'off', true), set_config('work_mem', :memory, true)")
                    .param("memory", WORK_MEM).query((rs, n) -> n).list();
            return work.get();
        }));
    }

    private SearchPage searchInOrder(SearchQuery query) {
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
        return inStorageOrder(() -> statement(query, configs(), true).query((rs, n) -> rs.getString(1)).list());
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
        // and two index lookups per match would be most of its time. The segment rows carry the video id and the
        // transcript's time (V20), which is all the choice of the newest transcript needs.
        boolean needsItem = query.channel() != null || query.batchId() != null || query.uploadedFrom() != null
                || query.uploadedTo() != null;
        String joins = (needsItem ? " join video_item i on i.id = s.item_id" : "")
                + (query.source() != null ? " join transcript t on t.item_id = s.item_id" : "");
        StringBuilder queries = new StringBuilder();
        for (int i = 0; i < configs.size(); i++) {
            queries.append(i == 0 ? "" : ", ").append("(:c").append(i).append(')');
        }
        var statement = jdbc.sql((explain ? "explain (analyze, buffers, timing) " : "") + """
                with pool as materialized (
                    select s.item_id, s.ordinal, s.config, s.tsv, s.video_id, s.created_at
                      from transcript_segment s%s
                     where %s
                     limit %d),
                queries as materialized (
                    select c.config, websearch_to_tsquery(cast(c.config as regconfig), search_text(:q)) as tsq
                      from (values %s) c (config)),
                latest as (
                    select distinct on (p.video_id, p.ordinal) p.item_id, p.ordinal, p.config, p.tsv
                      from pool p
                     order by p.video_id, p.ordinal, p.created_at desc, p.item_id),
                page as (
                    select l.item_id, l.ordinal, l.config, q.tsq, ts_rank_cd(l.tsv, q.tsq) as rank
                      from latest l
                      join queries q on q.config = l.config
                     order by rank desc, l.item_id, l.ordinal
                     limit :limit offset :offset)
                select p.item_id, i.video_id, i.title, i.channel, i.upload_date, i.batch_id, b.name, t.source,
                       t.language, s.start_seconds, p.rank,
                       ts_headline(cast(p.config as regconfig), search_text(s.text), p.tsq, :options),
                       s.text
                  from page p
                  join transcript_segment s on s.item_id = p.item_id and s.ordinal = p.ordinal
                  join video_item i on i.id = p.item_id
                  join batch b on b.id = i.batch_id
                  join transcript t on t.item_id = p.item_id
                 order by p.rank desc, p.item_id, p.ordinal""".formatted(joins, where, POOL, queries))
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
