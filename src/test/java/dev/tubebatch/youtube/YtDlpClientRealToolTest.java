package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed yt-dlp and ffmpeg on a WAV served from this JVM: checks that the arguments {@link YtDlpClient} passes
 * mean to the real tool what the fake assumes. Skipped where yt-dlp is not installed.
 */
class YtDlpClientRealToolTest {

    private static final byte[] TONE = WavHeader.tone(44100, 2, 440, 1.0);

    @TempDir
    Path work;

    private HttpServer server;
    private String base;
    private final YtDlpClient client = new YtDlpClient(
            new YtDlpProperties("yt-dlp", Duration.ofMinutes(2), Duration.ofMinutes(1), null));

    @BeforeAll
    static void requireYtDlp() {
        assumeTrue(onPath("yt-dlp"), "yt-dlp is not on PATH");
    }

    @BeforeEach
    void serveTone() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/tone.wav", this::sendTone);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServing() {
        server.stop(0);
    }

    @Test
    void real_yt_dlp_and_ffmpeg_turn_a_stereo_wav_into_16_khz_mono() throws IOException {
        Path audio = client.downloadAudio(base + "/tone.wav", work);

        WavHeader header = WavHeader.read(audio);
        assertThat(audio).isEqualTo(work.toAbsolutePath().resolve("audio.wav"));
        assertThat(header.sampleRate()).isEqualTo(16000);
        assertThat(header.channels()).isEqualTo(1);
        assertThat(header.bitsPerSample()).isEqualTo(16);
        // One second of 16-bit mono at 16 kHz, give or take the resampler's edges.
        assertThat(header.dataBytes()).isBetween(30_000L, 34_000L);
        try (var files = Files.list(work)) {
            assertThat(files).containsExactly(audio);
        }
    }

    @Test
    void real_yt_dlp_reads_metadata_of_a_plain_media_url() {
        VideoMetadata video = client.fetchMetadata(base + "/tone.wav");

        assertThat(video.id()).isEqualTo("tone");
        assertThat(video.title()).isEqualTo("tone");
        assertThat(video.webpageUrl()).isEqualTo(base + "/tone.wav");
        assertThat(video.subtitles()).isEmpty();
        assertThat(video.automaticCaptions()).isEmpty();
        assertThat(video.isShort()).isFalse();
        assertThat(client.downloadCaptions(base + "/tone.wav", video, work)).isEmpty();
    }

    @Test
    void real_yt_dlp_reports_a_missing_file_as_removed() {
        assertThatThrownBy(() -> client.fetchMetadata(base + "/missing.wav"))
                .isInstanceOfSatisfying(YtDlpException.class, e -> {
                    assertThat(e.failure()).isEqualTo(YtDlpFailure.REMOVED);
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.stderrTail()).contains("HTTP Error 404");
                });
    }

    @Test
    void real_yt_dlp_tells_its_version() {
        assertThat(client.version()).matches("\\d{4}\\.\\d{2}\\.\\d{2}.*");
    }

    private void sendTone(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "audio/wav");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : TONE.length);
        try (OutputStream body = exchange.getResponseBody()) {
            if (!head) {
                body.write(TONE);
            }
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .map(directory -> Path.of(directory, program))
                .anyMatch(Files::isExecutable);
    }
}
