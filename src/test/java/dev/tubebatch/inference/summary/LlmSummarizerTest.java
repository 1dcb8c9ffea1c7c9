package dev.tubebatch.inference.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import dev.tubebatch.inference.TimedText;
import dev.tubebatch.support.FakeOpenAi;
import dev.tubebatch.support.FakeOpenAi.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** LLM summaries against the fake OpenAI-compatible server on loopback. */
class LlmSummarizerTest {

    static final String KEY = "sk-test-DO-NOT-LOG-4242";
    static final int CONTEXT = 1024;
    static final FakeOpenAi SERVER = new FakeOpenAi("fake-model", KEY, CONTEXT);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void reset() {
        SERVER.reset();
    }

    static LlmProperties properties(String key, int concurrency, String fallback) {
        return new LlmProperties(SERVER.baseUrl(), "fake-model", key, null, CONTEXT, 128, concurrency, 3,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(800), fallback, null, null);
    }

    static LlmSummarizer summarizer(@Nullable Summarizer fallback) {
        LlmProperties p = properties(KEY, 2, fallback == null ? "none" : "extractive");
        return new LlmSummarizer(new LlmClient(p), p.contextTokens(), p.maxOutputTokens(), fallback, null);
    }

    static Summarizer.Request request(List<TimedText> segments, List<Summarizer.Chapter> chapters) {
        return new Summarizer.Request("A talk", segments, chapters, null, null, null, "en");
    }

    /** {@code count} segments of 10 seconds, each about 25 tokens. */
    static List<TimedText> segments(int count) {
        List<TimedText> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            segments.add(new TimedText(i * 10, i * 10 + 9, "Sentence number " + i + " says something about the "
                    + "topic of the talk, at some length."));
        }
        return segments;
    }

    @Test
    void a_short_transcript_is_summarized_in_one_call_with_its_key_points() {
        Summarizer.Result result = summarizer(null).summarize(request(segments(5), List.of()));

        assertThat(SERVER.refusals()).isEmpty();
        assertThat(SERVER.calls()).singleElement().satisfies(call -> {
            assertThat(call.model()).isEqualTo("fake-model");
            assertThat(call.maxTokens()).isEqualTo(128);
            assertThat(call.user()).contains("Sentence number 4").contains("Key points:");
            assertThat(call.system()).contains("Write in English");
        });
        assertThat(result.method()).isEqualTo("llm:fake-model");
        assertThat(result.text()).startsWith("A fake summary");
        assertThat(result.keyPoints()).containsExactly("The first point", "The second point", "The third point");
        assertThat(result.sections()).isEmpty();
        assertThat(result.usage()).isNotNull();
        assertThat(result.usage().calls()).isEqualTo(1);
        assertThat(result.usage().tokensIn()).isEqualTo(SERVER.calls().getFirst().promptTokens());
        assertThat(result.usage().tokensOut()).isPositive();
    }

    @Test
    void a_transcript_longer_than_the_context_is_summarized_in_parts_that_fit_and_then_combined() {
        // 300 segments of ~25 tokens: about 7,500 tokens against a context of 1,024.
        Summarizer.Result result = summarizer(null).summarize(request(segments(300), List.of()));

        assertThat(SERVER.refusals()).as("requests over the context length").isEmpty();
        List<FakeOpenAi.Call> calls = SERVER.calls();
        assertThat(calls).allSatisfy(c -> assertThat(c.promptTokens() + c.maxTokens()).isLessThanOrEqualTo(CONTEXT));
        assertThat(result.sections()).hasSizeGreaterThan(7);
        assertThat(result.sections().getFirst().start()).isZero();
        assertThat(result.sections()).extracting(Summarizer.Section::start).isSorted();
        assertThat(result.sections().get(1).title()).isEqualTo("Part 2");
        assertThat(result.sections().get(1).text()).isEqualTo("Summary of Part 2 (from "
                + dev.tubebatch.format.Durations.timestamp(result.sections().get(1).start()) + ").");
        assertThat(calls.getLast().user()).contains("Key points:").contains("[00:00] Part 1: Summary of Part 1 (from 00:00).");
        assertThat(result.usage().calls()).isEqualTo(calls.size()).isEqualTo(result.sections().size() + 1);
        assertThat(result.keyPoints()).hasSize(3);
    }

    @Test
    void a_summary_in_parts_reports_its_map_calls_then_its_reduce_as_progress() {
        List<Double> progress = new java.util.ArrayList<>();
        List<Summarizer.Chapter> chapters = List.of(new Summarizer.Chapter(0, 20, "Intro"),
                new Summarizer.Chapter(20, 40, "Middle"), new Summarizer.Chapter(40, 100, "End"));

        summarizer(null).summarize(request(segments(6), chapters), progress::add);

        // One map call per chapter takes the first 80 %; the parts' summaries combined, then the final call.
        assertThat(progress).hasSize(5);
        double[] expected = {0.8 / 3, 0.8 * 2 / 3, 0.8, 0.9, 1};
        for (int i = 0; i < expected.length; i++) {
            assertThat(progress.get(i)).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void chapters_are_summarized_one_by_one_with_their_starts() {
        List<Summarizer.Chapter> chapters = List.of(new Summarizer.Chapter(0, 20, "Intro"),
                new Summarizer.Chapter(20, 40, "Middle"), new Summarizer.Chapter(40, 100, "End"));

        Summarizer.Result result = summarizer(null).summarize(request(segments(6), chapters));

        assertThat(result.sections()).extracting(Summarizer.Section::title).containsExactly("Intro", "Middle", "End");
        assertThat(result.sections()).extracting(Summarizer.Section::start).containsExactly(0.0, 20.0, 40.0);
        assertThat(result.sections().get(1).text()).isEqualTo("Summary of Middle (from 00:20).");
        assertThat(SERVER.calls().get(1).user()).contains("Sentence number 2").contains("Sentence number 3")
                .doesNotContain("Sentence number 1 ").doesNotContain("Sentence number 4");
        assertThat(SERVER.calls()).hasSize(4);
    }

    @Test
    void a_preset_an_instruction_and_the_language_reach_the_system_prompt() {
        summarizer(null).summarize(new Summarizer.Request("Ein Vortrag", segments(3), List.of(), null,
                "action-items", "Mention every tool by name.", "de"));

        String system = SERVER.calls().getFirst().system();
        assertThat(system).contains("action items").contains("Mention every tool by name.").contains("Write in German");
    }

    @Test
    void rate_limits_server_errors_timeouts_and_malformed_answers_are_retried_until_an_answer_comes() {
        LlmProperties p = new LlmProperties(SERVER.baseUrl(), "fake-model", KEY, null, CONTEXT, 128, 2, 5,
                Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(500), "none", null, null);
        SERVER.slowDelay(Duration.ofSeconds(2)).fail(Fault.RATE_LIMIT, Fault.SERVER_ERROR, Fault.MALFORMED, Fault.SLOW);

        LlmClient client = new LlmClient(p);
        var reply = client.ask("system words", "Summarize. Key points:", 64);

        assertThat(SERVER.requests()).isEqualTo(5);
        assertThat(reply.text()).startsWith("Summary:");
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage().calls()).isEqualTo(1);
    }

    @Test
    void the_connection_test_makes_exactly_one_request_even_when_it_fails() {
        LlmClient client = new LlmClient(properties(KEY, 1, "none"));
        assertThat(client.askOnce("s", "Say hi.", 16).text()).isEqualTo("Summary of Parts.");
        SERVER.fail(Fault.SERVER_ERROR);
        assertThatThrownBy(() -> client.askOnce("s", "Say hi.", 16)).isInstanceOf(SummaryFailedException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(SERVER.requests()).isEqualTo(2);
    }

    @Test
    void a_failing_llm_makes_the_fallback_summary_and_the_result_says_why() {
        SERVER.alwaysFail(true);
        Summarizer extractive = (title, text) -> new Summarizer.Result("extractive-minilm", "Fallback text.",
                List.of("[00:10] a point"));

        Summarizer.Result result = summarizer(extractive).summarize(request(segments(3), List.of()));

        assertThat(SERVER.requests()).isEqualTo(3);
        assertThat(result.method()).isEqualTo("extractive-minilm");
        assertThat(result.text()).isEqualTo("Fallback text.");
        assertThat(result.note()).contains("The LLM failed").contains("HTTP 500").contains("extractive-minilm");
    }

    @Test
    void without_a_fallback_a_failing_llm_is_a_failure_worth_retrying_later() {
        SERVER.alwaysFail(true);

        assertThatThrownBy(() -> summarizer(null).summarize(request(segments(3), List.of())))
                .isInstanceOfSatisfying(SummaryFailedException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("after 3 tries").contains("HTTP 500");
                });
    }

    @Test
    void the_key_never_reaches_a_log_line_or_an_error_message_even_when_the_server_echoes_it() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> messages = new ArrayList<>();
        try {
            // The server echoes the key in a 500's message, retried and logged; then refuses a wrong key, echoing it.
            SERVER.fail(Fault.SERVER_ERROR_ECHOING_KEY);
            summarizer(null).summarize(request(segments(3), List.of()));
            LlmProperties wrong = properties(KEY + "-wrong", 1, "none");
            assertThatThrownBy(() -> new LlmClient(wrong).ask("s", "u", 16))
                    .isInstanceOfSatisfying(SummaryFailedException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        messages.add(e.getMessage());
                    });
            messages.add(properties(KEY, 1, "none").toString());
        } finally {
            root.detachAppender(logs);
        }
        assertThat(SERVER.requests()).isEqualTo(3);
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("HTTP 500").contains("[key]"))
                .noneSatisfy(line -> assertThat(line).contains(KEY));
        assertThat(logs.list).allSatisfy(e -> assertThat(String.valueOf(e.getThrowableProxy() == null ? ""
                : e.getThrowableProxy().getMessage())).doesNotContain(KEY));
        assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m).doesNotContain(KEY));
    }

    @Test
    void llm_calls_at_once_never_exceed_the_configured_concurrency() throws Exception {
        SERVER.delay(Duration.ofMillis(40));
        // A generous timeout: on a loaded machine a call that times out is sent again, which is not under test here.
        LlmClient client = new LlmClient(new LlmProperties(SERVER.baseUrl(), "fake-model", KEY, null, CONTEXT, 128, 2,
                3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(30), "none", null, null));
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> client.ask("system", "user words", 16)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        assertThat(SERVER.calls()).hasSize(16);
        assertThat(SERVER.maxInFlight()).isEqualTo(2);
    }
}
