package dev.tubebatch.inference.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.inference.Digester;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.support.FakeOpenAi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batch digest against the fake OpenAI-compatible server: one request for a small batch, levels for a large one. */
class LlmDigesterTest {

    static final FakeOpenAi SERVER = new FakeOpenAi("fake-model", "", 1024);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void reset() {
        SERVER.reset();
    }

    static LlmDigester digester() {
        LlmProperties p = new LlmProperties(SERVER.baseUrl(), "fake-model", null, null, 1024, 256, 2, 2,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5), "none", null, null);
        return new LlmDigester(new LlmClient(p), p.contextTokens(), p.maxOutputTokens());
    }

    static List<Digester.Entry> entries(int count) {
        List<Digester.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(new Digester.Entry(i, "Talk " + i, "Talk " + i + " explains topic " + i + " with examples "
                    + "and a long story about how it was found, what it means and why it matters to people."));
        }
        return entries;
    }

    @Test
    void a_small_batch_is_digested_in_one_request_with_a_line_per_video() {
        Digester.Digest digest = digester().digest("Three talks", entries(3));

        assertThat(SERVER.calls()).singleElement().satisfies(call -> assertThat(call.user())
                .contains("Batch: Three talks").contains("[1] Talk 1: Talk 1 explains").contains("[3] Talk 3"));
        assertThat(digest.themes()).hasSize(2).first().asString().startsWith("A theme of");
        assertThat(digest.lines()).containsEntry(1, "About Talk 1.").containsEntry(3, "About Talk 3.");
        assertThat(digest.method()).isEqualTo("llm:fake-model");
        assertThat(digest.usage().calls()).isEqualTo(1);
    }

    @Test
    void a_large_batch_is_digested_in_groups_that_fit_and_their_themes_are_combined() {
        Digester.Digest digest = digester().digest("Many talks", entries(40));

        assertThat(SERVER.refusals()).as("requests over the context length").isEmpty();
        assertThat(SERVER.calls()).allSatisfy(c -> assertThat(c.promptTokens() + c.maxTokens()).isLessThanOrEqualTo(1024));
        long groups = SERVER.calls().stream().filter(c -> c.user().contains("Summaries of its videos")).count();
        assertThat(groups).isGreaterThan(3);
        assertThat(digest.lines()).hasSize(40).containsEntry(40, "About Talk 40.");
        assertThat(digest.themes()).containsExactly("A combined theme", "Another combined theme");
        assertThat(digest.usage().calls()).isEqualTo(SERVER.calls().size()).isGreaterThan((int) groups);
    }
}
