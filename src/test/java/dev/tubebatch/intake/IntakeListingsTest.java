package dev.tubebatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.support.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The preview's playlist and channel expansion: skipped entries, recent N, failed and stopped listings. */
class IntakeListingsTest extends IntakeServiceTestBase {

    @Test
    void a_playlist_is_listed_in_full_and_private_deleted_upcoming_and_members_only_entries_are_skipped() {
        PreviewResult result = preview(FILTERS, NONE);

        assertThat(ids(result)).containsExactly("filtAAAAA01", "filtAAAAA02", "filtAAAAA03", "filtAAAAA07",
                "filtAAAAA08", "filtAAAAA09");
        assertThat(skipped(result)).containsExactly(
                "pasted text line 1, entry 4: private video (prvAAAAAA04 [Private video])",
                "pasted text line 1, entry 5: deleted or unavailable video (delAAAAAA05 [Deleted video])",
                "pasted text line 1, entry 6: upcoming: the stream or premiere has not started (filtAAAAA06 Launch stream)",
                "pasted text line 1, entry 10: members-only video (filtAAAAA10 Members stream replay)");
        PreviewResult.PreviewVideo first = result.videos().getFirst();
        assertThat(first).isEqualTo(new PreviewResult.PreviewVideo("filtAAAAA01",
                "https://www.youtube.com/watch?v=filtAAAAA01", "Intro to Rust", 600, LocalDate.of(2024, 1, 10),
                new PreviewResult.Source("pasted text", 1, 1), "Intake Channel"));
        assertThat(result.count()).isEqualTo(6);
        assertThat(result.totalSeconds()).isEqualTo(600 + 3600 + 45 + 300 + 1200);
        assertThat(result.unknownDurations()).isEqualTo(1);
        assertThat(result.totals()).isEqualTo("6 videos, 1:35:45 in all (1 of unknown length)");
        assertThat(result.newVideos()).extracting(NewBatch.NewVideo::url)
                .startsWith("https://www.youtube.com/watch?v=filtAAAAA01");
        // One listing call and no look-ups: no filter needed facts the listing lacked.
        assertThat(newCalls()).containsExactly(List.of("--ignore-config", "--flat-playlist", "-J", "--", FILTERS));
    }

    @Test
    void a_channel_gives_its_most_recent_n_videos() {
        PreviewResult result = intake.preview(new PreviewRequest("https://www.youtube.com/@intakechannel", null, null,
                5, NONE));

        assertThat(ids(result)).containsExactly("chanAAAAA01", "chanAAAAA02", "chanAAAAA03", "chanAAAAA04",
                "chanAAAAA05");
        assertThat(result.skipped()).isEmpty();
        assertThat(newCalls()).containsExactly(List.of("--ignore-config", "--flat-playlist", "-J", "--playlist-end",
                "5", "--", "https://www.youtube.com/@intakechannel/videos"));
        assertThatThrownBy(() -> intake.preview(new PreviewRequest("https://www.youtube.com/@intakechannel", null, null,
                intake.limits().maxRecent() + 1, NONE))).hasMessageContaining("recent: at most 5000");
    }

    @Test
    void a_failing_listing_names_its_line_and_reason_and_the_rest_goes_on() {
        PreviewResult result = preview("""
                https://www.youtube.com/playlist?list=PLdelGone
                dQw4w9WgXcQ
                https://www.youtube.com/playlist?list=PL429busy
                https://www.youtube.com/playlist?list=PLfake3
                """, NONE);

        assertThat(ids(result)).hasSize(4).startsWith("dQw4w9WgXcQ");
        assertThat(skipped(result)).hasSize(2);
        assertThat(skipped(result).get(0)).startsWith("pasted text line 1: could not list it: yt-dlp failed (REMOVED")
                .contains("The playlist does not exist").endsWith("(https://www.youtube.com/playlist?list=PLdelGone)");
        assertThat(skipped(result).get(1)).startsWith("pasted text line 3: could not list it: yt-dlp failed "
                + "(RATE_LIMITED").contains("HTTP Error 429");
    }

    @Test
    void an_interrupted_preview_stops_at_once_and_kills_its_yt_dlp() throws Exception {
        String list = "PLslpStop" + Long.toHexString(System.nanoTime());
        Path pids = FAKE.resolveSibling("state").resolve(list + ".pids");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread previewing = Thread.ofVirtual().start(() -> {
            try {
                preview("https://www.youtube.com/playlist?list=" + list + "\n" + FILTERS, NONE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        Eventually.within(Duration.ofSeconds(20), "the fake yt-dlp to start sleeping", () -> pids.toFile().length() > 0);
        long pid = JsonMapper.builder().build().readTree(pids.toFile()).path("pid").asLong();

        previewing.interrupt();

        assertThat(previewing.join(Duration.ofSeconds(20))).isTrue();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(newCalls()).hasSize(1); // the second line was never listed
    }
}
