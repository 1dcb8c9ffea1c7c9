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
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search migration on a database that already holds transcripts, with Flyway alone (no application): the
 * existing transcripts are indexed by the migration, with the configuration of their language.
 */
class SearchMigrationTest {

    static EmbeddedPostgres postgres;
    static JdbcClient jdbc;

    @BeforeAll
    static void migrateAroundExistingTranscripts() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of("target", "test-pg", "search-migration-" + UUID.randomUUID()))
                .setCleanDataDirectory(true).start();
        // The last migration before this one, whatever number it has once other features' migrations are merged.
        String previous = Arrays.stream(Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().info()
                        .all())
                .map(m -> m.getVersion()).filter(v -> !v.isAtLeast("14"))
                .max(Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).target(previous).load().migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        UUID batch = UUID.randomUUID();
        jdbc.sql("""
                insert into batch (id, name, status, created_by, created_at, retry_limit, on_error)
                values (:id, 'old', 'COMPLETED', 'tester', now(), 0, 'CONTINUE')""").param("id", batch).update();
        int position = 1;
        for (var transcript : List.of(
                List.of("vidEnglish1", "en-GB",
                        "[{\"start\": 1.5, \"end\": 3, \"text\": \"The runners were running\"}]"),
                List.of("vidGerman01", "de", "[{\"start\": 0, \"end\": 2, \"text\": \"Die Häuser\"},"
                        + " {\"start\": 2, \"end\": 4, \"text\": \"stehen am Fluss\"}]"),
                List.of("vidUnknown1", "xx",
                        "[{\"start\": 0, \"end\": 1, \"text\": \"running \\u0002marks\\u0003\"}]"))) {
            UUID item = UUID.randomUUID();
            jdbc.sql("""
                    insert into video_item (id, batch_id, position, url, video_id, status)
                    values (:id, :batch, :position, 'https://youtu.be/' || :video, :video, 'COMPLETED')""")
                    .param("id", item).param("batch", batch).param("position", position++)
                    .param("video", transcript.get(0)).update();
            jdbc.sql("""
                    insert into transcript (item_id, language, source, segments, created_at)
                    values (:id, :language, 'CAPTIONS', cast(:segments as jsonb), now())""")
                    .param("id", item).param("language", transcript.get(1)).param("segments", transcript.get(2))
                    .update();
        }
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).target("14").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void existing_transcripts_are_indexed_segment_by_segment_in_their_language() {
        List<String> rows = jdbc.sql("""
                select i.video_id || ' ' || s.ordinal || ' ' || s.start_seconds || ' ' || s.config || ' ' || s.tsv
                  from transcript_segment s join video_item i on i.id = s.item_id
                 order by i.video_id, s.ordinal""").query((rs, n) -> rs.getString(1)).list();

        assertThat(rows).containsExactly(
                "vidEnglish1 1 1.5 english 'run':4 'runner':2",
                "vidGerman01 1 0 german 'haus':2",
                "vidGerman01 2 2 german 'fluss':3 'steh':1",
                "vidUnknown1 1 0 simple 'marks':2 'running':1");
    }

    @Test
    void the_configurations_in_use_are_those_of_the_stored_transcripts() {
        assertThat(jdbc.sql("select config from search_config_in_use order by 1").query(String.class).list())
                .containsExactly("english", "german", "simple");
    }

    @Test
    void stored_segment_text_carries_no_snippet_marks() {
        assertThat(jdbc.sql("select text from transcript_segment where config = 'simple'").query(String.class)
                .single()).isEqualTo("running marks");
    }

    @Test
    void language_codes_map_to_configurations_by_their_primary_subtag() {
        assertThat(jdbc.sql("""
                select string_agg(coalesce(l, 'null') || '=' || search_config(l), ' ' order by n)
                  from unnest(array['pt-BR', 'EN_us', 'nb', 'ja', null, '']) with ordinality as x (l, n)""")
                .query(String.class).single())
                .isEqualTo("pt-BR=portuguese EN_us=english nb=norwegian ja=simple null=simple =simple");
    }
}
