package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The system view on the shared views context ({@link ViewsTestBase}): the machine, advice, models and tools for
 * admins only, the LLM connection test, the throughput chart, and the YouTube pause with its banner on every page.
 */
class SystemViewTest extends ViewsTestBase {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void the_system_view_shows_the_machine_the_advice_the_models_and_the_tools_to_admins_only() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        assertThatThrownBy(() -> UI.getCurrent().navigate("system"))
                .hasMessageContaining("Access is denied by annotations on the view");
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(SystemView.class);
        SystemView view = _get(SystemView.class);
        assertThat(view.machine.getElement().getTextRecursively()).contains("cores").contains("memory")
                .contains("No GPU").contains("ONNX Runtime: ");
        assertThat(view.advice.getElement().getTextRecursively()).contains("inference slots")
                .contains("no GPU:");
        assertThat(GridKt._findAll(view.modelGrid)).extracting(m -> m.name()).contains("moonshine-tiny");
        assertThat(view.toolList.getElement().getTextRecursively()).contains("yt-dlp: ").contains("ffmpeg");
        assertThat(view.llm.getElement().getTextRecursively()).contains("No LLM is configured");
        assertThat(view.chart.getElement().getChild(0).getProperty("innerHTML", "")
                + view.chart.getChildren().findFirst().map(c -> c.getElement().getOuterHTML()).orElse(""))
                .contains("<svg").contains("<rect");
    }

    @Test
    void a_configured_model_that_is_missing_shows_a_red_badge_and_the_reason() {
        Span missing = SystemView.modelState(new dev.tubebatch.inference.ModelRegistry.ModelInfo("moonshine-tiny",
                "classpath:models/moonshine-tiny/", false, 0, java.time.Duration.ZERO, "not packaged in this build"));
        assertThat(missing.getElement().getTextRecursively()).isEqualTo("MISSING not packaged in this build");
        assertThat(missing.getElement().getChild(0).getThemeList()).contains("badge", "error");

        Span present = SystemView.modelState(new dev.tubebatch.inference.ModelRegistry.ModelInfo("minilm", "jar",
                false, 0, java.time.Duration.ZERO, null));
        assertThat(present.getText()).isEqualTo("not loaded yet");
    }

    @Test
    void the_llm_connection_test_shows_the_endpoint_and_the_model_and_then_the_answer_or_the_error() {
        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        String key = "sk-views-secret";
        LlmProperties settings = new LlmProperties("http://127.0.0.1:9/v1", "fake-model", key, null, null, null, null,
                null, null, null, null, null, null, null);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
        LanguageModel model = new LanguageModel() {
            @Override
            public Reply ask(String system, String user, int maxOutputTokens) {
                throw new AssertionError("the connection test asks once, without retries");
            }

            @Override
            public Reply askOnce(String system, String user, int maxOutputTokens) {
                asked.incrementAndGet();
                if (failing.get()) {
                    throw new SummaryFailedException("HTTP 500: The server had an error", true);
                }
                return new Reply("Ready.", "stop", new Summarizer.Usage(1, 20, 2, 35));
            }

            @Override
            public String endpoint() {
                return "http://127.0.0.1:9/v1";
            }

            @Override
            public String model() {
                return "fake-model";
            }
        };
        LlmPanel panel = new LlmPanel(settings, model);
        UI.getCurrent().add(panel);
        assertThat(panel.getElement().getTextRecursively()).contains("http://127.0.0.1:9/v1").contains("fake-model")
                .contains("key set").doesNotContain(key);

        panel.test.click();
        Eventually.within(Duration.ofSeconds(20), "the answer", () -> {
            MockVaadin.clientRoundtrip(false);
            return panel.test.isEnabled();
        });
        assertThat(panel.result.getElement().getTextRecursively()).contains("The model answered:").contains("Ready.")
                .contains("35 ms");

        failing.set(true);
        panel.test.click();
        Eventually.within(Duration.ofSeconds(20), "the error", () -> {
            MockVaadin.clientRoundtrip(false);
            return panel.test.isEnabled();
        });
        assertThat(panel.result.getElement().getTextRecursively()).contains("The test failed:").contains("HTTP 500");
        assertThat(asked).hasValue(2);
    }

    @Test
    void while_youtube_is_paused_every_page_shows_why_and_until_when_and_an_admin_lifts_it_in_the_system_view() {
        jdbc.sql("""
                update youtube_breaker set open_until = clock_timestamp() + interval '15 minutes',
                       tripped_at = clock_timestamp(), cooldown_ms = 900000,
                       reason = '3 bot checks or 429s within 2 min, the last a 429'""").update();
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        YouTubeBanner banner = _get(YouTubeBanner.class);
        assertThat(banner.isVisible()).isTrue();
        assertThat(banner.getText()).startsWith("YouTube calls are paused on every node until ")
                .contains("(in 15 min)").endsWith(": 3 bot checks or 429s within 2 min, the last a 429.");
        KaribuSupport.tearDown();

        KaribuSupport.signInAndSetUp(context, "admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(SystemView.class);
        SystemView view = _get(SystemView.class);
        assertThat(view.youTubeState.getElement().getTextRecursively()).contains("paused on every node")
                .contains("calls a minute");
        assertThat(view.liftBreaker.isEnabled()).isTrue();
        view.liftBreaker.click();

        assertThat(view.youTubeState.getElement().getTextRecursively()).contains("YouTube calls go on.");
        assertThat(view.liftBreaker.isEnabled()).isFalse();
        UI.getCurrent().navigate(BatchesView.class);
        _assertNone(YouTubeBanner.class); // Karibu finds visible components only
    }

    @Test
    void the_throughput_chart_scales_its_bars_to_the_busiest_interval() {
        String svg = SystemView.barChart(new int[] {0, 2, 4});
        assertThat(svg).contains("height=\"120.0\"").contains("height=\"60.0\"").contains("max 4");
    }
}
