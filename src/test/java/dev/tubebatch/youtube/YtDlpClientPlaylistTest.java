package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@link YtDlpClient}'s flat listings of playlists and channels: in full, streamed, limited, fixtures, missing. */
class YtDlpClientPlaylistTest extends YtDlpClientTestBase {

    @Test
    void a_5000_video_playlist_is_listed_in_full() {
        Listed playlist = list("https://www.youtube.com/playlist?list=PLfake5000", 0);

        assertThat(playlist.id()).isEqualTo("PLfake5000");
        assertThat(playlist.title()).isEqualTo("Fake playlist PLfake5000");
        assertThat(playlist.channel()).isEqualTo("Fake Channel");
        assertThat(playlist.entries()).hasSize(5000);
        assertThat(new HashSet<>(playlist.entries().stream().map(PlaylistEntry::id).toList())).hasSize(5000);
        PlaylistEntry first = playlist.entries().getFirst();
        assertThat(first.id()).matches("cap[A-Za-z0-9_-]{8}");
        assertThat(first.url()).isEqualTo(watch(first.id()));
        assertThat(first.title()).isEqualTo("Fake video " + first.id());
        assertThat(first.durationSeconds()).isEqualTo(60 + first.id().chars().sum() % 600);
        assertThat(first.liveStatus()).isEqualTo(LiveStatus.UNKNOWN);
        PlaylistEntry tenth = playlist.entries().get(9);
        assertThat(tenth.title()).isEqualTo("[Private video]");
        assertThat(tenth.id()).startsWith("prv");
        assertThat(tenth.durationSeconds()).isNull();
        assertThat(playlist.entries().get(19).title()).isEqualTo("[Deleted video]");
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsExactly("--ignore-config", "--flat-playlist", "-J", "--",
                "https://www.youtube.com/playlist?list=PLfake5000");
    }

    @Test
    void a_streamed_listing_hands_over_each_entry_in_order_and_keeps_none() throws Exception {
        List<PlaylistEntry> seen = new ArrayList<>();
        Playlist playlist = client.fetchPlaylist("https://www.youtube.com/playlist?list=PLfake25", 0, seen::add);

        assertThat(playlist.id()).isEqualTo("PLfake25");
        assertThat(seen).hasSize(25);
        assertThat(seen).extracting(PlaylistEntry::id)
                .isEqualTo(printedIds("--ignore-config", "--flat-playlist", "-J", "--",
                        "https://www.youtube.com/playlist?list=PLfake25"));

        List<PlaylistEntry> limited = new ArrayList<>();
        client.fetchPlaylist("https://www.youtube.com/playlist?list=PLfake25", 4, limited::add);
        assertThat(limited).hasSize(4);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSequence("--playlist-end", "4");
    }

    @Test
    void a_listing_fixture_is_printed_instead_of_the_generated_one() throws IOException {
        Files.createDirectories(fake.resolveSibling("playlists"));
        Files.writeString(fake.resolveSibling("playlists").resolve("@fixture.json"), """
                {"id": "UCfixture", "title": "Fixture - Videos", "_type": "playlist", "entries": [
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA01", "title": "One", "duration": 61.0},
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA02", "title": "Two", "live_status": "is_upcoming"},
                  {"_type": "url", "ie_key": "Youtube", "id": "fixAAAAAA03", "title": "Three"}]}""");

        Listed channel = list("https://www.youtube.com/@fixture", 2);

        assertThat(channel.id()).isEqualTo("UCfixture");
        assertThat(channel.entries()).extracting(PlaylistEntry::id).containsExactly("fixAAAAAA01", "fixAAAAAA02");
        assertThat(channel.entries().get(0).durationSeconds()).isEqualTo(61);
        assertThat(channel.entries().get(1).liveStatus()).isEqualTo(LiveStatus.IS_UPCOMING);
    }

    @Test
    void a_playlist_limit_is_passed_to_yt_dlp() {
        Listed playlist = list("https://www.youtube.com/playlist?list=PLfake25", 7);

        assertThat(playlist.entries()).hasSize(7);
        assertThat(FakeYtDlp.argvs(fake).getLast()).containsSequence("--playlist-end", "7");
    }

    @Test
    void a_channel_url_lists_the_channel_videos_tab() {
        Listed channel = list("https://www.youtube.com/@fakechannel", 0);

        assertThat(channel.id()).isEqualTo("UCfakefakefakefakefake00");
        assertThat(channel.entries()).hasSize(30);
        assertThat(FakeYtDlp.argvs(fake).getLast().getLast()).isEqualTo("https://www.youtube.com/@fakechannel/videos");
    }

    @Test
    void a_playlist_that_does_not_exist_is_a_permanent_failure() {
        assertThatThrownBy(() -> list("https://www.youtube.com/playlist?list=PLdeleted", 0))
                .isInstanceOfSatisfying(YtDlpException.class,
                        e -> assertThat(e.failure()).isEqualTo(YtDlpFailure.REMOVED));
    }

    /** A listing and the entries its sink was handed, in that order: what a caller that keeps them holds. */
    private record Listed(Playlist header, List<PlaylistEntry> entries) {
        String id() {
            return header.id();
        }

        String title() {
            return header.title();
        }

        String channel() {
            return header.channel();
        }
    }

    private Listed list(String url, int limit) {
        List<PlaylistEntry> entries = new ArrayList<>();
        return new Listed(client.fetchPlaylist(url, limit, entries::add), entries);
    }

    /** The entry ids the fake prints for these arguments, in its order, read without the client. */
    private List<String> printedIds(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(fake.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        JsonNode printed = JsonMapper.builder().build().readTree(process.getInputStream());
        assertThat(process.waitFor()).isZero();
        return printed.path("entries").valueStream().map(entry -> entry.path("id").asString()).toList();
    }
}
