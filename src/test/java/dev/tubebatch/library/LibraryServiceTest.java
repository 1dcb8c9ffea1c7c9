package dev.tubebatch.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.export.ExportService;
import dev.tubebatch.export.OutputLayout;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a video's stored data leaves its batch folders true: the manifest and the state file no longer list its
 * files.
 */
@EngineTest
class LibraryServiceTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    EngineHarness engine;

    @Autowired
    LibraryService library;

    @Autowired
    OutputLayout layout;

    @Autowired
    ExportService exports;

    @Test
    void deleting_a_video_rewrites_its_batchs_manifest_without_its_files_and_keeps_the_others() {
        Batch batch = engine.create("library manifest", 0, "capLibMft01", "capLibMft02");
        engine.awaitFinished(batch);
        Path folder = exports.export(batch.id());
        assertThat(videos(folder).get("capLibMft01").get("files").size()).isPositive();
        String stampBefore = stamp(folder);

        assertThat(library.delete("capLibMft01", "admin")).isEqualTo(1);

        Map<String, JsonNode> videos = videos(folder);
        assertThat(videos.get("capLibMft01").get("files").size()).isZero();
        assertThat(videos.get("capLibMft01").get("segments").asInt()).isZero();
        assertThat(videos.get("capLibMft02").get("files").size()).isPositive();
        assertThat(folder.resolve(OutputLayout.videoFile(engine.item(batch, "capLibMft02"), "transcript.md")))
                .isRegularFile();
        assertThat(layout.videoFolder(batch, engine.item(batch, "capLibMft01"))).doesNotExist();
        // The whole folder was written again from the database: the combined PDF and statistics too.
        assertThat(stamp(folder)).isNotEqualTo(stampBefore);
    }

    @Test
    void deleting_a_video_leaves_batch_json_without_its_output_file_and_says_its_data_was_deleted() {
        Batch batch = engine.create("library state", 0, "capLibSta01", "capLibSta02");
        engine.awaitFinished(batch);
        Path folder = exports.export(batch.id());
        assertThat(stateVideos(folder).get("capLibSta01").get("output_file").isString()).isTrue();

        assertThat(library.delete("capLibSta01", "admin")).isEqualTo(1);

        assertListsTheDeletedVideoWithoutAFile(folder);
        // Written again alone, as the state file follower does after each change of the batch.
        exports.writeState(batch.id());
        assertListsTheDeletedVideoWithoutAFile(folder);
    }

    private static void assertListsTheDeletedVideoWithoutAFile(Path folder) {
        Map<String, JsonNode> videos = stateVideos(folder);
        JsonNode deleted = videos.get("capLibSta01");
        assertThat(deleted.get("status").asString()).isEqualTo("completed");
        assertThat(deleted.get("output_file").isNull()).isTrue();
        assertThat(deleted.get("data_deleted").asBoolean()).isTrue();
        JsonNode kept = videos.get("capLibSta02");
        assertThat(folder.resolve(kept.get("output_file").asString())).isRegularFile();
        assertThat(kept.has("data_deleted")).isFalse();
    }

    private static Map<String, JsonNode> stateVideos(Path folder) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode video : JSON.readTree(folder.resolve(OutputLayout.STATE_FILE).toFile()).get("videos")) {
            byId.put(video.get("video_id").asString(), video);
        }
        return byId;
    }

    private static Map<String, JsonNode> videos(Path folder) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode video : JSON.readTree(folder.resolve(OutputLayout.MANIFEST).toFile()).get("videos")) {
            byId.put(video.get("video_id").asString(), video);
        }
        return byId;
    }

    private static String stamp(Path folder) {
        try {
            return Files.readString(folder.resolve(".export-stamp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
