package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class YtDlpPropertiesTest {

    @Test
    void nothing_configured_gives_the_defaults() {
        YtDlpProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(new YtDlpProperties("yt-dlp", Duration.ofMinutes(10), Duration.ofMinutes(2),
                List.of("en")));
    }

    @Test
    void settings_bind_from_the_usual_property_names() {
        YtDlpProperties properties = bind(Map.of(
                "tubebatch.ytdlp.path", "/opt/yt-dlp/yt-dlp",
                "tubebatch.ytdlp.timeout", "90s",
                "tubebatch.ytdlp.metadata-timeout", "15s",
                "tubebatch.ytdlp.caption-languages", "de, en"));

        assertThat(properties).isEqualTo(new YtDlpProperties("/opt/yt-dlp/yt-dlp", Duration.ofSeconds(90),
                Duration.ofSeconds(15), List.of("de", "en")));
    }

    @Test
    void a_caption_language_that_is_not_a_code_stops_startup() {
        assertThatThrownBy(() -> bind(Map.of("tubebatch.ytdlp.caption-languages", "en,.*")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining(".*");
    }

    @Test
    void timeouts_must_be_positive() {
        assertThatThrownBy(() -> new YtDlpProperties(null, Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YtDlpProperties(null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_client_is_a_spring_bean_built_from_the_properties() {
        new ApplicationContextRunner()
                .withUserConfiguration(ClientConfiguration.class)
                .withPropertyValues("tubebatch.ytdlp.path=/opt/yt-dlp", "tubebatch.ytdlp.caption-languages=fr")
                .run(context -> {
                    assertThat(context).hasSingleBean(YtDlpClient.class);
                    assertThat(context.getBean(YtDlpProperties.class).captionLanguages()).containsExactly("fr");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({YtDlpProperties.class, dev.tubebatch.youtube.budget.YouTubeProperties.class})
    @Import(YtDlpClient.class)
    static class ClientConfiguration {}

    private static YtDlpProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("tubebatch.ytdlp", YtDlpProperties.class);
    }
}
