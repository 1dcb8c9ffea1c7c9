package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** yt-dlp's version is its release date; older than 60 days is a warning that says how to update. */
class YtDlpVersionTest {

    @Test
    void releases_and_nightlies_read_as_their_date_and_anything_else_as_no_version() {
        assertThat(YtDlpVersion.parse("2023.03.04")).get().extracting(YtDlpVersion::released)
                .isEqualTo(LocalDate.of(2023, 3, 4));
        assertThat(YtDlpVersion.parse("2025.11.12.232957\n")).get().extracting(YtDlpVersion::released)
                .isEqualTo(LocalDate.of(2025, 11, 12));
        assertThat(YtDlpVersion.parse("yt-dlp from git")).isEmpty();
        assertThat(YtDlpVersion.parse("2025.13.40")).isEmpty();
    }

    @Test
    void a_version_older_than_60_days_is_a_warning_that_says_how_to_update() {
        YtDlpVersion debian = YtDlpVersion.parse("2023.03.04").orElseThrow();

        assertThat(debian.warning(LocalDate.of(2023, 5, 3))).as("60 days old").isEmpty();
        assertThat(debian.ageDays(LocalDate.of(2023, 5, 4))).isEqualTo(61);
        assertThat(debian.warning(LocalDate.of(2023, 5, 4))).get().asString()
                .startsWith("yt-dlp 2023.03.04 is 61 days old")
                .contains("tubebatch.ytdlp.path").contains("--build-arg YTDLP_VERSION=");
    }
}
