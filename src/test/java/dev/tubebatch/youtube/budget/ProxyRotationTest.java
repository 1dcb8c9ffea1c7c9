package dev.tubebatch.youtube.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.YouTubePaused;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Calls through three proxies, in turn, against the fake yt-dlp, which blocks a proxy's third call within a minute
 * and records the {@code --proxy} it receives. A blocked proxy rests while the others go on; the breaker trips when
 * all three rest. Two of the proxies carry a password, which no log line, message or record may show.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class ProxyRotationTest {

    static final String ALICE = "http://alice:s3cret-pass@127.0.0.1:3128";
    static final String PLAIN = "https://127.0.0.2:3129";
    static final String BOB = "socks5://bob:other-secret@127.0.0.3:1080";
    static final List<String> SECRETS = List.of("s3cret-pass", "other-secret", "alice:", "bob:");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private Path fake;
    private YtDlpClient client;
    private YouTubeGate gate;
    private final Logger runnerLog = (Logger) LoggerFactory.getLogger("dev.tubebatch.youtube.ProcessRunner");

    @BeforeEach
    void threeProxies() {
        fake = FakeYtDlp.install(Path.of("target", "test-bin", "proxies-" + UUID.randomUUID()));
        FakeYtDlp.rateLimit(fake, 2, 60, 60);
        YouTubeProperties properties = new YouTubeProperties(1_000_000.0, 10_000, Duration.ofSeconds(5), 0.0, 0.0,
                YouTubeProperties.Breaker.of(3, Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1)),
                List.of(ALICE, PLAIN, BOB));
        CircuitBreaker breaker = new CircuitBreaker(jdbc, transactions, properties);
        gate = new YouTubeGate(new RequestBudget(jdbc, transactions, properties), breaker,
                new ProxyPool(jdbc, properties), properties);
        client = new YtDlpClient(new YtDlpProperties(fake.toString(), null, null, null), gate, properties);
        CircuitBreakerTest.reset(jdbc);
        jdbc.sql("delete from youtube_proxy_rest").update();
        runnerLog.setLevel(Level.DEBUG); // "Running [yt-dlp, --proxy, ...]" must not show a password either
    }

    @AfterEach
    void quiet() {
        runnerLog.setLevel(null);
    }

    @Test
    void calls_take_the_proxies_in_turn_a_blocked_one_rests_while_the_others_go_on_and_all_resting_trips_the_breaker(
            CapturedOutput output) throws IOException {
        List<String> messages = new ArrayList<>();
        for (int call = 1; call <= 6; call++) {
            client.fetchMetadata(url(call));
        }
        messages.add(paused(7).getMessage()); // Alice's third call: blocked, she rests
        assertThat(gate.restingProxies()).containsExactly("http://127.0.0.1:3128");
        assertThat(gate.breakerState().open()).isFalse();

        FileSystemUtils.deleteRecursively(fake.resolveSibling("state")); // the fake forgets the other two's calls
        for (int call = 8; call <= 11; call++) {
            client.fetchMetadata(url(call)); // the plain proxy and Bob, Alice resting
        }
        messages.add(paused(12).getMessage()); // the plain proxy's third call: it rests
        YouTubePaused tripped = paused(13); // Bob's third: every proxy rests
        messages.add(tripped.getMessage());
        messages.add(tripped.stderrTail());
        assertThat(tripped.getMessage()).startsWith("YouTube paused until").contains("every proxy rests")
                .contains("socks5://127.0.0.3:1080");
        assertThat(gate.breakerState().open()).isTrue();
        messages.add(paused(14).getMessage()); // refused at the gate: no call

        assertThat(FakeYtDlp.argvs(fake)).extracting(argv -> argv.get(argv.indexOf("--proxy") + 1)).containsExactly(
                ALICE, PLAIN, BOB, ALICE, PLAIN, BOB, ALICE, PLAIN, BOB, PLAIN, BOB, PLAIN, BOB);
        List<String> records = new ArrayList<>(jdbc.sql("select proxy_key || ' ' || reason from youtube_proxy_rest")
                .query(String.class).list());
        records.addAll(jdbc.sql("select coalesce(proxy, '') from youtube_block").query(String.class).list());
        records.addAll(jdbc.sql("select reason from youtube_trip").query(String.class).list());
        assertThat(records).isNotEmpty();
        for (String secret : SECRETS) {
            assertThat(output.getAll()).as("the log").doesNotContain(secret);
            assertThat(messages).as("messages").noneMatch(m -> m != null && m.contains(secret));
            assertThat(records).as("records").noneMatch(r -> r.contains(secret));
        }
        assertThat(output.getAll()).contains("--proxy, http://127.0.0.1:3128");
    }

    @Test
    void a_proxy_list_entry_that_cannot_work_is_refused_naming_the_entry_but_never_its_password() {
        for (String bad : List.of("ftp://carol:hunter2-pass@127.0.0.1:21", "http://carol:hunter2-pass@/x",
                "http://carol:hunter2-pass@127.0.0.1:8080/path", "http ://carol:hunter2-pass@bad")) {
            assertThatThrownBy(() -> ProxyAddress.parse(bad, 2))
                    .hasMessageStartingWith("tubebatch.youtube.proxies[2]: ")
                    .message().doesNotContain("hunter2");
        }
    }

    private YouTubePaused paused(int call) {
        try {
            client.fetchMetadata(url(call));
        } catch (YouTubePaused e) {
            return e;
        }
        throw new AssertionError("call " + call + " was not held back");
    }

    private static String url(int call) {
        return "https://www.youtube.com/watch?v=" + String.format("capPROXY%03d", call);
    }

}
