package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** yt-dlp's progress lines, as yt-dlp 2023.03.04 and later print them with --newline. */
class DownloadProgressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[download]   0.2% of  469.20KiB at  290.56KiB/s ETA 00:01 | 0.002",
            "[download]  54.3% of  469.20KiB                          | 0.543",
            "[download]  12.0% of ~  3.50MiB at  1.20MiB/s ETA 00:02 (frag 3/25) | 0.12",
            "[download] 100.0% of  469.20KiB                          | 1.0",
            "[download] 100% of    1.00MiB in 00:00:01 at 10.00MiB/s  | 1.0",
            "[download]   7.5% of    3.21MiB at  Unknown B/s ETA Unknown | 0.075"})
    void a_progress_line_gives_its_percent_as_a_fraction(String line, double fraction) {
        assertThat(DownloadProgress.fraction(line).orElseThrow()).isCloseTo(fraction, offset(1e-9));
    }

    @Test
    void a_coloured_percent_reads_the_same() {
        assertThat(DownloadProgress.fraction("[download] \u001B[0;94m 45.3%\u001B[0m of 3.50MiB").orElseThrow())
                .isCloseTo(0.453, offset(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[download] Destination: /work/items/1/audio.webm",
            "[download]    N/A% of    Unknown B at  1.00MiB/s ETA Unknown",
            "[ExtractAudio] Destination: /work/items/1/audio.wav",
            "[youtube] dQw4w9WgXcQ: Downloading webpage",
            "[download] audio.webm has already been downloaded",
            "Deleting original file audio.webm (pass -k to keep)",
            ""})
    void other_lines_give_no_percent(String line) {
        assertThat(DownloadProgress.fraction(line)).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void the_template_starts_its_lines_as_yt_dlp_does() {
        assertThat(DownloadProgress.TEMPLATE).startsWith("download:[download] %(progress._percent_str)s");
    }
}
