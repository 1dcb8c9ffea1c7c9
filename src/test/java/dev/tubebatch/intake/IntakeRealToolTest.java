package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tubebatch.youtube.YtDlpClient;
import dev.tubebatch.youtube.YtDlpProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The installed yt-dlp (Debian's, at /usr/bin/yt-dlp) lists a page served from 127.0.0.1 that holds several
 * {@code <audio>} elements, through the same code intake uses for playlists: {@link YtDlpClient#fetchPlaylist} with
 * its streaming reader, then {@link IntakeService}'s entry classification. Skipped where that yt-dlp is missing.
 */
class IntakeRealToolTest {

    private static final Path YT_DLP = Path.of("/usr/bin/yt-dlp");
    private static final byte[] SILENCE = silence();

    private HttpServer server;
    private String base;

    @BeforeEach
    void serve() throws IOException {
        assumeTrue(Files.isExecutable(YT_DLP), "/usr/bin/yt-dlp is not installed");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/talks.html", exchange -> send(exchange, "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html><head><title>Team talks</title></head><body>
                <h1>Team talks</h1>
                <audio controls src="one.wav"></audio>
                <audio controls><source src="two.wav" type="audio/wav"></audio>
                <audio controls src="three.wav"></audio>
                </body></html>""".getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of("one", "two", "three")) {
            server.createContext("/" + name + ".wav", exchange -> send(exchange, "audio/wav", SILENCE));
        }
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void real_yt_dlp_lists_a_local_page_of_audio_elements_as_entries() {
        IntakeService intake = new IntakeService(IntakeLimits.defaults(), new YtDlpClient(
                new YtDlpProperties(YT_DLP.toString(), Duration.ofMinutes(1), Duration.ofMinutes(1), null)), null);
        List<IntakeService.ListedEntry> entries = new ArrayList<>();

        int listed = intake.expand(base + "/talks.html", 0, entries::add);

        assertThat(listed).isEqualTo(3);
        assertThat(entries).extracting(IntakeService.ListedEntry::index).containsExactly(1, 2, 3);
        assertThat(entries).extracting(e -> e.entry().id()).containsExactly("talks-1", "talks-2", "talks-3");
        assertThat(entries).extracting(e -> e.entry().title())
                .containsExactly("Team talks (1)", "Team talks (2)", "Team talks (3)");
        // Not YouTube videos: intake would list each as skipped with this reason, never hand it to a batch.
        assertThat(entries).extracting(IntakeService.ListedEntry::skipReason).containsExactly(
                "not a YouTube video (talks-1)", "not a YouTube video (talks-2)", "not a YouTube video (talks-3)");

        List<IntakeService.ListedEntry> first = new ArrayList<>();
        assertThat(intake.expand(base + "/talks.html", 2, first::add)).isEqualTo(2);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    /** Half a second of 16 kHz mono 16-bit silence as a WAV file. */
    private static byte[] silence() {
        int data = 16000;
        ByteBuffer wav = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return wav.array();
    }
}
