package dev.tubebatch.search;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Not a test: loads synthetic transcripts (about 3,000 words each, caption-sized segments of 12 words, words drawn
 * from a Zipf distribution over 50 English stop words and 30,000 made-up words) into a fresh PostgreSQL with all
 * migrations, then prints the load time (the trigger indexing every transcript as it is saved), the rebuild time
 * as the migration does it (segments from the stored JSON, then the GIN index), table and index sizes, and
 * {@link TranscriptSearch} latency p50/p95 for 1-, 2- and 3-word queries (first page of 20, no filters), each
 * query timed with the search as it is and as it was ({@link TranscriptSearchBefore}), one after the other.
 * Run with {@code ./mvnw -Pbenchmark test -Dtest=SearchBenchmark -Dbenchmark.transcripts=2000}; figures also go to
 * {@code target/benchmark/search-benchmark.txt}.
 */
@Tag("benchmark")
class SearchBenchmark {

    static final int TRANSCRIPTS = Integer.getInteger("benchmark.transcripts", 2_000);
    static final int WORDS = Integer.getInteger("benchmark.words", 3_000);
    static final int QUERIES = Integer.getInteger("benchmark.queries", 200);
    /** Skips timing the migration's rebuild (minutes at 20,000 transcripts). */
    static final boolean SKIP_REBUILD = Boolean.getBoolean("benchmark.skipRebuild");
    /** Keeps the database of an earlier run of the same size and skips loading it (for trying query changes). */
    static final boolean REUSE = Boolean.getBoolean("benchmark.reuse");
    /** Prints the plan (EXPLAIN ANALYZE, BUFFERS) of the slowest 1-word query, before and after the change. */
    static final boolean EXPLAIN = Boolean.getBoolean("benchmark.explain");
    /** Also times ranking every match of a 1-word query (slow at 20,000 transcripts: seconds for common words). */
    static final boolean EVERY_MATCH = Boolean.getBoolean("benchmark.everyMatch");
    static final int SEGMENT_WORDS = 12;
    static final String[] STOP = ("the of and to a in is that it for you was on are with as i this be at have or "
            + "but not what all were we when your can there use an each which she do how their if will up other "
            + "about out many then them").split(" ");

    @Test
    void search_over_synthetic_transcripts() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("target", "benchmark", "search-pg-" + TRANSCRIPTS);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(!REUSE).setServerConfig("shared_buffers", "512MB")
                .setServerConfig("maintenance_work_mem", "512MB").setServerConfig("synchronous_commit", "off")
                .start()) {
            long m0 = System.nanoTime();
            int migrations = Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate()
                    .migrationsExecuted;
            double migrated = (System.nanoTime() - m0) / 1e9;
            SingleConnectionDataSource single = new SingleConnectionDataSource(
                    postgres.getPostgresDatabase().getConnection(), true);
            JdbcClient jdbc = JdbcClient.create(single);
            List<String> out = new ArrayList<>();
            Vocabulary words = new Vocabulary(30_000, 1.0);
            out.add(String.format(Locale.ROOT, "%,d transcripts x ~%,d words, %d-word segments; %d cores",
                    TRANSCRIPTS, WORDS, SEGMENT_WORDS, Runtime.getRuntime().availableProcessors()));

            out.add("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
            out.add(String.format(Locale.ROOT, "migrations applied at start: %d in %.1f s", migrations, migrated));
            boolean loaded = REUSE && jdbc.sql("select count(*) from transcript").query(Long.class).single()
                    == TRANSCRIPTS;
            if (!loaded) {
                jdbc.sql("truncate batch cascade").update();
                loadAndRebuild(single, jdbc, words, out);
            } else {
                jdbc.sql("vacuum analyze").update();
                out.add("reused the database of an earlier run: no load, no rebuild (vacuum analyze only)");
            }
            out.add(jdbc.sql("""
                    select format('sizes: transcript %s, transcript_segment %s (heap+toast), GIN index %s',
                           pg_size_pretty(pg_total_relation_size('transcript')),
                           pg_size_pretty(pg_table_size('transcript_segment')),
                           pg_size_pretty(pg_relation_size('transcript_segment_tsv_idx')))""")
                    .query(String.class).single());

            TranscriptSearch search = new TranscriptSearch(jdbc, new DataSourceTransactionManager(single));
            TranscriptSearchBefore before = new TranscriptSearchBefore(jdbc);
            SplittableRandom random = new SplittableRandom(7);
            for (int n = 1; n <= 3; n++) {
                for (int i = 0; i < 20; i++) {
                    search.search(SearchQuery.of(words.query(random, n)));
                    before.search(SearchQuery.of(words.query(random, n)));
                }
                out.addAll(SearchComparisons.interleaved(n, before, search, words, random, EXPLAIN && n == 1));
            }
            out.add(SearchComparisons.repeatability(search, words));
            if (EVERY_MATCH) {
                out.add(SearchComparisons.withRankingEveryMatch(search, jdbc, words));
            }
            out.add("plan of a 2-word query:");
            out.addAll(jdbc.sql("explain (analyze, buffers off, costs off, summary on) select count(*) "
                    + "from transcript_segment s where s.config = 'english' and s.tsv @@ "
                    + "websearch_to_tsquery('english', :q)").param("q", words.query(random, 2))
                    .query((rs, i) -> "  " + rs.getString(1)).list());
            out.add("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
            single.destroy();
            out.forEach(System.out::println);
            Files.createDirectories(Path.of("target", "benchmark"));
            Files.write(Path.of("target", "benchmark", "search-benchmark.txt"), out);
        }
    }

    private static void loadAndRebuild(SingleConnectionDataSource single, JdbcClient jdbc, Vocabulary words,
            List<String> out) throws Exception {
        long t0 = System.nanoTime();
        load(single.getConnection(), words);
        double load = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("analyze").update();
        long segments = jdbc.sql("select count(*) from transcript_segment").query(Long.class).single();
        out.add(String.format(Locale.ROOT, "load through the trigger: %.1f s (%,d segments, %.0f transcripts/s)",
                load, segments, TRANSCRIPTS / load));

        if (SKIP_REBUILD) {
            jdbc.sql("vacuum analyze transcript_segment").update();
            return;
        }
        long t1 = System.nanoTime();
        jdbc.sql("drop index transcript_segment_tsv_idx").update();
        jdbc.sql("truncate transcript_segment").update();
        jdbc.sql("""
                insert into transcript_segment (item_id, ordinal, start_seconds, end_seconds, text, config, tsv,
                                                video_id, created_at)
                select r.*, i.video_id, t.created_at from transcript t
                       join video_item i on i.id = t.item_id
                       cross join lateral transcript_segment_rows(t.item_id, t.language, t.segments) r""")
                .update();
        long t2 = System.nanoTime();
        jdbc.sql("create index transcript_segment_tsv_idx on transcript_segment using gin (tsv)").update();
        long t3 = System.nanoTime();
        jdbc.sql("vacuum analyze transcript_segment").update();
        out.add(String.format(Locale.ROOT, "rebuild as the migration does: segments %.1f s + GIN index %.1f s",
                (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    }

    private static void load(Connection connection, Vocabulary words) throws Exception {
        connection.setAutoCommit(false);
        UUID batch = UUID.randomUUID();
        try (PreparedStatement b = connection.prepareStatement("""
                insert into batch (id, name, status, created_by, created_at, retry_limit, on_error)
                values (?, 'benchmark', 'COMPLETED', 'benchmark', now(), 0, 'CONTINUE')""")) {
            b.setObject(1, batch);
            b.executeUpdate();
        }
        SplittableRandom random = new SplittableRandom(42);
        try (PreparedStatement item = connection.prepareStatement("""
                insert into video_item (id, batch_id, position, url, video_id, title, channel, upload_date, status)
                values (?, ?, ?, ?, ?, ?, ?, date '2024-01-01' + (? % 365), 'COMPLETED')""");
                PreparedStatement transcript = connection.prepareStatement("""
                insert into transcript (item_id, language, source, segments, created_at)
                values (?, 'en', 'CAPTIONS', cast(? as jsonb), now())""")) {
            for (int i = 1; i <= TRANSCRIPTS; i++) {
                UUID id = UUID.randomUUID();
                String video = String.format(Locale.ROOT, "bm%09d", i);
                item.setObject(1, id);
                item.setObject(2, batch);
                item.setInt(3, i);
                item.setString(4, "https://youtu.be/" + video);
                item.setString(5, video);
                item.setString(6, "Benchmark video " + i);
                item.setString(7, "Channel " + (i % 40));
                item.setInt(8, i);
                item.executeUpdate();
                transcript.setObject(1, id);
                transcript.setString(2, segments(words, random));
                transcript.executeUpdate();
                if (i % 100 == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        }
        connection.setAutoCommit(true);
    }

    private static String segments(Vocabulary words, SplittableRandom random) {
        StringBuilder json = new StringBuilder(WORDS * 8).append('[');
        double t = 0;
        for (int s = 0; s < WORDS / SEGMENT_WORDS; s++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < SEGMENT_WORDS; w++) {
                text.append(w == 0 ? "" : " ").append(words.next(random));
            }
            json.append(s == 0 ? "" : ",").append("{\"start\":").append(String.format(Locale.ROOT, "%.2f", t))
                    .append(",\"end\":").append(String.format(Locale.ROOT, "%.2f", t + 4)).append(",\"text\":\"")
                    .append(text).append("\"}");
            t += 4.2;
        }
        return json.append(']').toString();
    }

    /** Stop words first, then made-up words of two to four syllables; drawn by Zipf rank. */
    static final class Vocabulary {
        private static final String[] SYLLABLES = ("ka lo mi ne su ta ri po ve da lu shi mo ra ze ti bo na ke "
                + "pi ro sa me gu fi lan dor mek tis vul").split(" ");
        final String[] words;
        final double[] cumulative;

        Vocabulary(int size, double exponent) {
            words = new String[STOP.length + size];
            System.arraycopy(STOP, 0, words, 0, STOP.length);
            SplittableRandom random = new SplittableRandom(1);
            java.util.Set<String> seen = new java.util.HashSet<>(Arrays.asList(STOP));
            for (int i = STOP.length; i < words.length; ) {
                StringBuilder w = new StringBuilder();
                for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
                    w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                if (seen.add(w.toString())) {
                    words[i++] = w.toString();
                }
            }
            cumulative = new double[words.length];
            double sum = 0;
            for (int r = 0; r < words.length; r++) {
                sum += 1 / Math.pow(r + 1, exponent);
                cumulative[r] = sum;
            }
            for (int r = 0; r < words.length; r++) {
                cumulative[r] /= sum;
            }
        }

        String next(SplittableRandom random) {
            int r = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[Math.min(words.length - 1, r < 0 ? -r - 1 : r)];
        }

        /** Query words: drawn as text is (frequent words are asked for more), stop words left out. */
        String query(SplittableRandom random, int n) {
            List<String> q = new ArrayList<>();
            while (q.size() < n) {
                String w = next(random);
                if (!Arrays.asList(STOP).contains(w)) {
                    q.add(w);
                }
            }
            return String.join(" ", q);
        }
    }
}
