package dev.tubebatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.TranscriptSource;
import dev.tubebatch.search.SearchHit;
import dev.tubebatch.search.SearchPage;
import dev.tubebatch.search.SearchQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SearchCommandTest {

    @Test
    void words_and_filters_become_a_query_with_pages_counted_from_one() {
        UUID batch = UUID.randomUUID();
        SearchCommand.Parsed parsed = SearchCommand.parse("--channel", "Fake Channel", "sourdough", "--from",
                "2024-01-01", "\"feed the starter\"", "--to", "20241231", "--source", "auto_captions", "--batch",
                batch.toString(), "--page", "2", "--size", "5", "--json");

        SearchQuery query = parsed.query();
        assertThat(query).isEqualTo(new SearchQuery("sourdough \"feed the starter\"", "Fake Channel", batch,
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), TranscriptSource.AUTO_CAPTIONS, 1, 5));
        assertThat(parsed.json()).isTrue();
    }

    @Test
    void an_injection_looking_query_is_one_more_word_after_the_double_dash() {
        assertThat(SearchCommand.parse("--", "--channel", "'); drop table batch; --").query().text())
                .isEqualTo("--channel '); drop table batch; --");
    }

    @Test
    void mistakes_name_their_flag() {
        assertThatThrownBy(() -> SearchCommand.parse()).hasMessageStartingWith("WORDS:");
        assertThatThrownBy(() -> SearchCommand.parse("x", "--source", "radio")).hasMessageStartingWith("--source:");
        assertThatThrownBy(() -> SearchCommand.parse("x", "--page", "0")).hasMessageStartingWith("--page:");
        assertThatThrownBy(() -> SearchCommand.parse("x", "--from", "2024-02-01", "--to", "2024-01-01"))
                .hasMessageStartingWith("--from:");
        assertThatThrownBy(() -> SearchCommand.parse("x", "--colour")).hasMessageContaining("--colour");
        assertThat(SearchCommand.parse("--help").query()).isNull();
    }

    @Test
    void hits_print_as_text_with_the_moment_and_link_and_as_json_lines() {
        SearchQuery query = new SearchQuery("starter", null, null, null, null, null, 0, 1);
        SearchHit hit = new SearchHit(UUID.randomUUID(), "capRanking1", "Bread", "Fake Channel",
                LocalDate.of(2024, 3, 4), UUID.randomUUID(), "Baking", TranscriptSource.CAPTIONS, "en", 75.5,
                "the <mark>starter</mark>", "the *starter*", 0.2);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = SearchCommand.print(new SearchPage(query, List.of(hit), true), false,
                new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).isEqualTo("""
                1. Bread (Fake Channel), 2024-03-04, batch Baking
                   01:15  https://youtu.be/capRanking1?t=75
                   the *starter*
                More: --page 2
                """);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        SearchCommand.print(new SearchPage(query, List.of(hit), false), true,
                new PrintStream(json, true, StandardCharsets.UTF_8));
        assertThat(json.toString(StandardCharsets.UTF_8)).startsWith("{\"video_id\":\"capRanking1\"")
                .contains("\"link\":\"https://youtu.be/capRanking1?t=75\"").contains("\"snippet\":\"the *starter*\"");
        assertThat(SearchCommand.print(new SearchPage(query, List.of(), false), false, System.out)).isEqualTo(1);
    }
}
