package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link YtDlpClient}'s audio download against the fake yt-dlp: 16 kHz mono WAV, progress, no stale file. */
class YtDlpClientAudioTest extends YtDlpClientTestBase {

    @Test
    void audio_is_a_16_khz_mono_wav() throws IOException {
        Path audio = client.downloadAudio("https://youtu.be/capAAAAAAAA", work);

        assertThat(audio).isEqualTo(work.toAbsolutePath().resolve("audio.wav"));
        WavHeader header = WavHeader.read(audio);
        assertThat(header.sampleRate()).isEqualTo(16000);
        assertThat(header.channels()).isEqualTo(1);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--no-playlist",
                "-f", "bestaudio/best", "-x", "--newline", "--progress", "--progress-template", DownloadProgress.TEMPLATE,
                "--audio-format", "wav", "--postprocessor-args", "ffmpeg:-ar 16000 -ac 1",
                "-o", work.toAbsolutePath() + "/audio.%(ext)s", "--", "https://youtu.be/capAAAAAAAA");
    }

    @Test
    void the_audio_downloads_percent_is_reported_line_by_line_as_yt_dlp_prints_it() {
        List<Double> reported = new java.util.concurrent.CopyOnWriteArrayList<>();

        client.downloadAudio("https://youtu.be/capAAAAAAAA", work, reported::add);

        // The fake prints its progress through the template, then yt-dlp's own closing "100% of ... in ..." line.
        assertThat(reported).containsExactly(0.001, 0.125, 0.375, 0.625, 0.875, 1.0, 1.0);
    }

    @Test
    void audio_from_an_earlier_try_is_never_returned_for_a_failed_one() throws IOException {
        Files.createDirectories(work);
        Files.write(work.resolve("audio.wav"), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> client.downloadAudio(watch("upcAAAAAAAA"), work)).isInstanceOf(YtDlpException.class);
        assertThat(work.resolve("audio.wav")).doesNotExist();
    }
}
