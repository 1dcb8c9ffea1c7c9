package dev.tubebatch.youtube;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link YtDlpClient} against the fake yt-dlp: real processes, made-up YouTube. Each test gets a fresh copy of the
 * fake (its invocation log included) in its own temporary directory, and a client with a 60 s timeout.
 */
abstract class YtDlpClientTestBase {

    @TempDir
    Path temp;

    Path fake;
    Path work;
    YtDlpClient client;

    @BeforeEach
    void installFake() {
        fake = FakeYtDlp.install(temp.resolve("bin"));
        work = temp.resolve("work");
        client = clientWithTimeout(Duration.ofSeconds(60));
    }

    YtDlpClient clientWithTimeout(Duration timeout) {
        return new YtDlpClient(new YtDlpProperties(fake.toString(), timeout, timeout, List.of("en")));
    }

    void writeFixture(String relative, String content) throws IOException {
        Path file = fake.resolveSibling(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static String watch(String id) {
        return "https://www.youtube.com/watch?v=" + id;
    }
}
