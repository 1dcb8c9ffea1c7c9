package dev.tubebatch.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Migration V20 on a database whose segments were indexed before it, with Flyway alone: one video in two batches,
 * its older transcript saved first. The segment rows gain the video id and their transcript's time, and the trigger
 * keeps that time in step when a transcript is saved again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchSegmentVideoMigrationTest {

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;
    static UUID older;
    static UUID newer;

    @BeforeAll
    static void migrateAroundIndexedSegments() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "test-pg", "search-segment-video-" + UUID.randomUUID()))
                .setCleanDataDirectory(true).start();
        String previous = Arrays.stream(Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().info()
                        .all())
                .map(m -> m.getVersion()).filter(v -> !v.isAtLeast("20"))
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).target(previous).load().migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        older = store("2026-01-01T00:00:00Z");
        newer = store("2026-02-01T00:00:00Z");
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).target("20").load().migrate();
    }

    static UUID store(String createdAt) {
        UUID batch = UUID.randomUUID();
        jdbc.sql("""
                insert into batch (id, name, status, created_by, created_at, retry_limit, on_error)
                values (:id, 'old', 'COMPLETED', 'tester', now(), 0, 'CONTINUE')""").param("id", batch).update();
        UUID item = UUID.randomUUID();
        jdbc.sql("""
                insert into video_item (id, batch_id, position, url, video_id, status)
                values (:id, :batch, 1, 'https://youtu.be/vidTwiceAA1', 'vidTwiceAA1', 'COMPLETED')""")
                .param("id", item).param("batch", batch).update();
        jdbc.sql("""
                insert into transcript (item_id, language, source, segments, created_at)
                values (:id, 'en', 'CAPTIONS', cast(:segments as jsonb), cast(:at as timestamptz))""")
                .param("id", item).param("at", createdAt)
                .param("segments", "[{\"start\": 0, \"end\": 2, \"text\": \"gooseberry fool\"},"
                        + " {\"start\": 2, \"end\": 4, \"text\": \"gooseberry pie\"}]").update();
        return item;
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static List<String> segments() {
        return jdbc.sql("""
                select case s.item_id when :older then 'older' else 'newer' end || ' ' || s.ordinal || ' '
                       || s.video_id || ' ' || to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD')
                  from transcript_segment s order by 1""").param("older", older)
                .query((rs, n) -> rs.getString(1)).list();
    }

    @Test
    @Order(1)
    void segments_indexed_before_carry_their_video_and_transcript_time() {
        assertThat(segments()).containsExactly("newer 1 vidTwiceAA1 2026-02-01", "newer 2 vidTwiceAA1 2026-02-01",
                "older 1 vidTwiceAA1 2026-01-01", "older 2 vidTwiceAA1 2026-01-01");
        assertThat(jdbc.sql("select count(*) from transcript_segment where tsv @@ to_tsquery('english', 'gooseberry')")
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    @Order(2)
    void saving_a_transcript_again_moves_its_segments_to_the_new_time() {
        jdbc.sql("""
                update transcript set created_at = timestamptz '2026-03-01T00:00:00Z',
                       segments = cast('[{"start": 0, "end": 2, "text": "gooseberry jam"}]' as jsonb)
                 where item_id = :id""").param("id", older).update();

        assertThat(segments()).containsExactly("newer 1 vidTwiceAA1 2026-02-01", "newer 2 vidTwiceAA1 2026-02-01",
                "older 1 vidTwiceAA1 2026-03-01");
        TranscriptSearch search = new TranscriptSearch(jdbc,
                new DataSourceTransactionManager(postgres.getPostgresDatabase()));
        assertThat(search.search(SearchQuery.of("gooseberry")).hits()).extracting(SearchHit::itemId)
                .containsExactlyInAnyOrder(older, newer);
    }
}
