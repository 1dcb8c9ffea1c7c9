package dev.tubebatch.youtube.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * yt-dlp's own pacing flags go only to a yt-dlp that knows them (read from its {@code --help}): an old yt-dlp, like
 * the Debian package the tests may meet, stops at an option it does not know.
 */
@EngineTest
class YtDlpOptionsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private YouTubeProperties pacing;
    private YouTubeGate gate;

    @BeforeEach
    void pacedCalls() {
        pacing = new YouTubeProperties(1_000_000.0, 10_000, Duration.ofSeconds(5), 0.75, 5.0,
                YouTubeProperties.Breaker.defaults(), List.of());
        gate = new YouTubeGate(new RequestBudget(jdbc, transactions, pacing),
                new CircuitBreaker(jdbc, transactions, pacing), new ProxyPool(jdbc, pacing), pacing);
        CircuitBreakerTest.reset(jdbc);
    }

    @Test
    void a_current_yt_dlp_gets_the_pacing_flags() throws Exception {
        Path fake = FakeYtDlp.install(Path.of("target", "test-bin", "options-" + UUID.randomUUID()));
        YtDlpClient client = new YtDlpClient(new YtDlpProperties(fake.toAbsolutePath().toString(), null, null, null), gate,
                pacing);

        var metadata = client.fetchMetadata("https://youtu.be/capOPTIONS1");
        client.downloadCaptions("https://youtu.be/capOPTIONS1", metadata, fake.resolveSibling("work"));

        List<List<String>> calls = FakeYtDlp.argvs(fake).stream().filter(a -> a.contains("--")).toList();
        assertThat(calls.get(0)).containsSequence("--sleep-requests", "0.75").doesNotContain("--sleep-subtitles");
        assertThat(calls.get(1)).containsSequence("--sleep-requests", "0.75").containsSequence("--sleep-subtitles", "5");
    }

    @Test
    void an_old_yt_dlp_that_lacks_them_gets_none_and_still_works() throws IOException {
        Path fake = FakeYtDlp.install(Path.of("target", "test-bin", "options-old-" + UUID.randomUUID()));
        Files.writeString(fake.resolveSibling("old-version.json"),
                "{\"version\": \"2021.06.06\", \"unknown\": [\"--sleep-requests\", \"--sleep-subtitles\"]}");
        YtDlpClient client = new YtDlpClient(new YtDlpProperties(fake.toAbsolutePath().toString(), null, null, null), gate,
                pacing);

        var metadata = client.fetchMetadata("https://youtu.be/capOPTIONS2");
        assertThat(client.downloadCaptions("https://youtu.be/capOPTIONS2", metadata, fake.resolveSibling("work")))
                .isPresent();

        assertThat(client.version()).isEqualTo("2021.06.06");
        assertThat(FakeYtDlp.argvs(fake)).allSatisfy(argv -> assertThat(argv).doesNotContain("--sleep-requests",
                "--sleep-subtitles"));
    }
}
