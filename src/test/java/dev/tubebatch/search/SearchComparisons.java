package dev.tubebatch.search;

import dev.tubebatch.search.SearchBenchmark.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Timings for {@link SearchBenchmark} that compare two queries on the same words, one after the other (the order
 * alternating), so that both see the same load on a shared machine.
 */
final class SearchComparisons {

    private SearchComparisons() {
    }

    /**
     * The search as it was and as it is, for the same {@link SearchBenchmark#QUERIES} queries of {@code n} words;
     * optionally the plans of the query that was slowest as it was, both ways.
     */
    static List<String> interleaved(int n, TranscriptSearchBefore before, TranscriptSearch search,
            Vocabulary words, SplittableRandom random, boolean explain) {
        int queries = SearchBenchmark.QUERIES;
        long[] old = new long[queries];
        long[] now = new long[queries];
        long hits = 0;
        long mismatches = 0;
        String slowest = "";
        long slowestNanos = -1;
        for (int i = 0; i < queries; i++) {
            SearchQuery q = SearchQuery.of(words.query(random, n));
            SearchPage a;
            SearchPage b;
            if (i % 2 == 0) {
                long s = System.nanoTime();
                a = before.search(q);
                old[i] = System.nanoTime() - s;
                s = System.nanoTime();
                b = search.search(q);
                now[i] = System.nanoTime() - s;
            } else {
                long s = System.nanoTime();
                b = search.search(q);
                now[i] = System.nanoTime() - s;
                s = System.nanoTime();
                a = before.search(q);
                old[i] = System.nanoTime() - s;
            }
            if (old[i] > slowestNanos) {
                slowestNanos = old[i];
                slowest = q.text();
            }
            hits += b.hits().size();
            if (!a.hits().equals(b.hits()) || a.hasMore() != b.hasMore()) {
                mismatches++;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d-word queries (%d, %.1f hits on the first page on average, %d pages"
                + " differing), interleaved: before %s; now %s", n, queries, hits / (double) queries, mismatches,
                percentiles(old), percentiles(now)));
        if (explain) {
            for (String text : List.of(slowest, words.words[SearchBenchmark.STOP.length])) {
                out.add("plans of \"" + text + "\" (the slowest before, then the commonest word), before and now:");
                before.explain(SearchQuery.of(text));
                before.explain(SearchQuery.of(text)).forEach(l -> out.add("  before| " + l));
                search.explain(SearchQuery.of(text));
                search.explain(SearchQuery.of(text)).forEach(l -> out.add("  now   | " + l));
            }
        }
        return out;
    }

    /** The first pages of the ten commonest query words, each asked three times: how many came back different. */
    static String repeatability(TranscriptSearch search, SearchBenchmark.Vocabulary words) {
        int differing = 0;
        int asked = 10;
        for (int r = 0; r < asked; r++) {
            SearchQuery query = SearchQuery.of(words.words[SearchBenchmark.STOP.length + r]);
            SearchPage first = search.search(query);
            if (!first.equals(search.search(query)) || !first.equals(search.search(query))) {
                differing++;
            }
        }
        return String.format(Locale.ROOT, "repeatability: the %d commonest words, each asked 3 times: %d first pages"
                + " differed", asked, differing);
    }

    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f / p95 %.1f / max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /**
     * The query before the pool (ranking every match, no snippets, no joins) and the search as it is, one after the
     * other for the same 1-word queries.
     */
    static String withRankingEveryMatch(TranscriptSearch search, JdbcClient jdbc, Vocabulary words) {
        SplittableRandom random = new SplittableRandom(11);
        int queries = SearchBenchmark.QUERIES;
        long[] every = new long[queries];
        long[] pooled = new long[queries];
        for (int i = 0; i < queries; i++) {
            String q = words.query(random, 1);
            long s = System.nanoTime();
            jdbc.sql("""
                    select s.item_id, ts_rank_cd(s.tsv, websearch_to_tsquery(cast(s.config as regconfig),
                                                                         search_text(:q))) as rank
                      from transcript_segment s
                     where s.config = 'english' and s.tsv @@ websearch_to_tsquery('english', search_text(:q))
                     order by rank desc, s.item_id, s.ordinal limit 21""").param("q", q).query().listOfRows();
            every[i] = System.nanoTime() - s;
            s = System.nanoTime();
            search.search(SearchQuery.of(q));
            pooled[i] = System.nanoTime() - s;
        }
        return "1-word, same queries interleaved: ranking every match (page of 21, no snippets) " + percentiles(every)
                + "; the search with its pool (snippets included) " + percentiles(pooled);
    }
}
