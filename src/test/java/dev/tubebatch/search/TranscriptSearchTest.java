package dev.tubebatch.search;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.Segment;
import dev.tubebatch.batch.Transcript;
import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.batch.TranscriptStore;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.CaptionParsers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search over transcripts the engine stored from the fake yt-dlp's captions (manual and automatic English, and a
 * fixture with chosen words), plus a German transcript parsed from a caption file and stored as speech to text
 * would store it (the engine here has no speech engine, so that video itself ends without a
 * transcript). Every search is narrowed to this class's batches: the shared database holds other tests' videos.
 */
@EngineTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranscriptSearchTest {

    static final String MANUAL = "capSearch01";
    static final String AUTOMATIC = "autSearch01";
    static final String RANKING = "capRanking1";
    static final String GERMAN = "nocGerman01";

    @Autowired
    EngineHarness engine;

    @Autowired
    TranscriptStore transcripts;

    @Autowired
    TranscriptSearch search;

    @Autowired
    JdbcClient jdbc;

    Batch batch;

    @BeforeAll
    void runABatch() throws IOException {
        Path captions = Files.createDirectories(FAKE.resolveSibling("captions"));
        try (InputStream fixture = getClass().getResourceAsStream("/search/" + RANKING + ".en.json3")) {
            Files.copy(fixture, captions.resolve(RANKING + ".en.json3"), StandardCopyOption.REPLACE_EXISTING);
        }
        batch = engine.create("search", 0, MANUAL, AUTOMATIC, RANKING, GERMAN);
        engine.awaitFinished(batch);
        for (String captioned : List.of(MANUAL, AUTOMATIC, RANKING)) {
            assertThat(engine.item(batch, captioned).status()).isEqualTo(ItemStatus.COMPLETED);
        }
        String vtt;
        try (InputStream fixture = getClass().getResourceAsStream("/search/" + GERMAN + ".de.vtt")) {
            vtt = new String(fixture.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Segment> segments = CaptionParsers.parseVtt(vtt).stream()
                .map(cue -> new Segment(cue.start(), cue.end(), cue.text())).toList();
        transcripts.save(new Transcript(engine.item(batch, GERMAN).id(), "de-DE", TranscriptSource.WHISPER, segments));
    }

    SearchPage find(String text) {
        return search.search(new SearchQuery(text, null, batch.id(), null, null, null, 0, 20));
    }

    @Test
    void the_segment_that_says_a_word_twice_ranks_above_the_one_that_says_it_once() {
        SearchPage page = find("starter");

        assertThat(page.hits()).extracting(SearchHit::videoId).containsExactly(RANKING, RANKING);
        assertThat(page.hits().get(0).snippetHtml())
                .isEqualTo("The <mark>starter</mark> is what makes sourdough rise, so feed the <mark>starter</mark>"
                        + " every day.");
        assertThat(page.hits().get(0).rank()).isGreaterThan(page.hits().get(1).rank());
        assertThat(page.hits().get(1).snippetHtml()).contains("needs a <mark>starter</mark>, flour");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void a_hit_names_its_video_batch_and_moment_and_links_to_it() {
        SearchHit hit = find("\"feed the starter\"").hits().getFirst();

        assertThat(hit.title()).isEqualTo("Fake video " + RANKING);
        assertThat(hit.channel()).isEqualTo("Fake Channel");
        assertThat(hit.batchId()).isEqualTo(batch.id());
        assertThat(hit.batchName()).isEqualTo(batch.name());
        assertThat(hit.source()).isEqualTo(TranscriptSource.CAPTIONS);
        assertThat(hit.language()).isEqualTo("en");
        assertThat(hit.startSeconds()).isEqualTo(4.4);
        assertThat(hit.deepLink()).isEqualTo("https://youtu.be/" + RANKING + "?t=4");
        assertThat(hit.uploadDate()).isNotNull();
    }

    @Test
    void english_transcripts_match_other_forms_of_a_word() {
        assertThat(find("feeding rises").hits()).extracting(SearchHit::snippetHtml)
                .containsExactly("The starter is what makes sourdough <mark>rise</mark>, so <mark>feed</mark> the"
                        + " starter every day.");
    }

    @Test
    void manual_and_automatic_captions_are_both_found_and_filtered_by_source() {
        SearchPage both = find("welcome fake video");
        assertThat(both.hits()).extracting(SearchHit::videoId).containsExactlyInAnyOrder(MANUAL, AUTOMATIC);

        SearchPage automatic = search.search(new SearchQuery("welcome fake video", null, batch.id(), null, null,
                TranscriptSource.AUTO_CAPTIONS, 0, 20));
        assertThat(automatic.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.videoId()).isEqualTo(AUTOMATIC);
            assertThat(hit.source()).isEqualTo(TranscriptSource.AUTO_CAPTIONS);
            assertThat(hit.snippetHtml()).contains("<mark>Welcome</mark> to <mark>fake</mark> <mark>video</mark>");
        });
    }

    @Test
    void german_transcripts_are_searched_with_the_german_configuration() {
        SearchPage page = find("Haus");

        assertThat(page.hits()).extracting(SearchHit::snippetHtml).containsExactlyInAnyOrder(
                "Die <mark>Häuser</mark> am Fluss wurden im Winter gebaut.",
                "Im <mark>Haus</mark> wohnen heute drei Familien.");
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.language()).isEqualTo("de-DE"));
        SearchHit baker = find("Bäcker backt").hits().getFirst();
        assertThat(baker.deepLink()).isEqualTo("https://youtu.be/" + GERMAN + "?t=75");
        assertThat(baker.source()).isEqualTo(TranscriptSource.WHISPER);
        // The German stop word list drops "die"; a word only in the English transcripts is not found in German ones.
        assertThat(find("Familie").hits()).extracting(SearchHit::videoId).containsExactly(GERMAN);
    }

    @Test
    void an_injection_looking_query_is_just_text() {
        long before = jdbc.sql("select count(*) from transcript_segment").query(Long.class).single();

        assertThat(find("'); drop table transcript_segment; --").hits()).isEmpty();
        assertThat(find("\"; delete from transcript where true; select '").hits()).isEmpty();

        assertThat(jdbc.sql("select count(*) from transcript_segment").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from transcript").query(Long.class).single()).isPositive();
    }

    @Test
    void markup_in_captions_and_queries_is_words_and_is_escaped_in_snippets() {
        // PostgreSQL's parser alone would read <script> as a tag and skip every word after it.
        assertThat(find("paste tags").hits()).singleElement().extracting(SearchHit::snippetHtml)
                .isEqualTo("Never <mark>paste</mark> &lt;script&gt; <mark>tags</mark> into a comment box.");
        assertThat(find("<script>").hits()).singleElement().extracting(SearchHit::snippetHtml)
                .isEqualTo("Never paste &lt;<mark>script</mark>&gt; tags into a comment box.");
        SearchHit bread = find("bread & butter").hits().getFirst();
        assertThat(bread.snippetHtml()).isEqualTo("<mark>Bread</mark> &amp; <mark>butter</mark> pudding uses"
                + " yesterday&#39;s loaf.");
        assertThat(bread.snippetText()).isEqualTo("*Bread* & *butter* pudding uses yesterday's loaf.");
    }

    @Test
    void filters_narrow_by_channel_and_upload_date() {
        SearchHit any = find("starter").hits().getFirst();
        assertThat(search.search(new SearchQuery("starter", "Another Channel", batch.id(), null, null, null, 0, 20))
                .hits()).isEmpty();
        assertThat(search.search(new SearchQuery("starter", "Fake Channel", batch.id(), any.uploadDate(),
                any.uploadDate(), null, 0, 20)).hits()).hasSize(2);
        assertThat(search.search(new SearchQuery("starter", null, batch.id(), any.uploadDate().plusDays(1), null,
                null, 0, 20)).hits()).isEmpty();
        assertThat(search.search(new SearchQuery("starter", null, UUID.randomUUID(), null, null, null, 0, 20))
                .hits()).isEmpty();
    }

    @Test
    void pages_follow_the_ranking_and_say_when_more_come() {
        SearchPage first = search.search(new SearchQuery("starter", null, batch.id(), null, null, null, 0, 1));
        SearchPage second = search.search(new SearchQuery("starter", null, batch.id(), null, null, null, 1, 1));

        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(first.hits().getFirst().rank()).isGreaterThan(second.hits().getFirst().rank());
    }

    @Test
    void saving_a_transcript_again_replaces_its_index_and_deleting_the_video_removes_it() {
        UUID item = engine.item(batch, MANUAL).id();
        transcripts.save(new Transcript(item, "en", TranscriptSource.CAPTIONS,
                List.of(new Segment(0, 2, "Completely rewritten pumpernickel."))));

        assertThat(find("pumpernickel").hits()).extracting(SearchHit::videoId).containsExactly(MANUAL);
        assertThat(jdbc.sql("select count(*) from transcript_segment where item_id = :i").param("i", item)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_video_in_two_batches_is_one_hit_per_segment_from_its_newest_transcript() {
        Batch again = engine.create("search again", 0, RANKING);
        engine.awaitFinished(again);

        SearchPage page = search.search(SearchQuery.of("starter"));

        assertThat(page.hits()).extracting(SearchHit::videoId).containsExactly(RANKING, RANKING);
        assertThat(page.hits()).allSatisfy(hit -> assertThat(hit.batchId()).isEqualTo(again.id()));
        assertThat(find("starter").hits()).hasSize(2).allSatisfy(hit -> assertThat(hit.batchId())
                .isEqualTo(batch.id()));
    }

    @Test
    void an_empty_or_overlong_query_is_refused_naming_the_field() {
        assertThatThrownBy(() -> SearchQuery.of("  ")).hasMessageStartingWith("q:");
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(501))).hasMessageStartingWith("q:");
        assertThatThrownBy(() -> new SearchQuery("x", null, null, null, null, null, 0, 0))
                .hasMessageStartingWith("size:");
    }
}
