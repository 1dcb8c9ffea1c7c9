package dev.tubebatch.export;

import dev.tubebatch.export.render.Snapshots;
import dev.tubebatch.export.render.BatchSnapshot;
import dev.tubebatch.export.render.BatchReports;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tubebatch.batch.Batch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStateFileTest {

    @Test
    void a_written_state_file_reads_back_to_the_batch_and_its_unfinished_videos(@TempDir Path dir) throws Exception {
        Batch batch = Snapshots.batch("Round trip", 3);
        BatchSnapshot snapshot = new BatchSnapshot(batch, List.of(
                Snapshots.completed(batch, 1, "capAAAAAAA1", "One", 2, "S"),
                Snapshots.failed(batch, 2, "prvAAAAAAA2"),
                Snapshots.completed(batch, 3, "capAAAAAAA3", "Three", 2, null)), Snapshots.START);
        Path file = dir.resolve("batch.json");
        Files.writeString(file, BatchReports.state(snapshot));

        BatchStateFile state = BatchStateFile.read(file);

        assertThat(state.batchId()).isEqualTo(batch.id());
        assertThat(state.name()).isEqualTo("Round trip");
        assertThat(state.urls()).containsExactly("https://www.youtube.com/watch?v=capAAAAAAA1",
                "https://www.youtube.com/watch?v=prvAAAAAAA2", "https://www.youtube.com/watch?v=capAAAAAAA3");
        assertThat(state.unfinishedUrls()).containsExactly("https://www.youtube.com/watch?v=prvAAAAAAA2");
        assertThat(state.videos().get(1).error()).isEqualTo("Private video prvAAAAAAA2");
        String json = Files.readString(file);
        assertThat(json).contains("\"total\" : 3", "\"completed\" : 2", "\"failed\" : 1", "\"pending\" : 0",
                "\"output_file\" : \"videos/001-capAAAAAAA1-one/transcript.md\"", "\"processing_time\" : 0.6",
                "\"retry_count\" : 1");
    }

    @Test
    void a_broken_state_file_is_refused_naming_the_field() {
        String id = "\"batch_id\": \"0f8fad5b-d9cb-469f-a165-70867728950e\"";
        assertThatThrownBy(() -> BatchStateFile.parse("{nope", "x.json"))
                .hasMessageStartingWith("x.json: not JSON");
        assertThatThrownBy(() -> BatchStateFile.parse("[]", "x.json")).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> BatchStateFile.parse("{\"videos\": []}", "x.json"))
                .hasMessage("x.json: field batch_id is missing");
        assertThatThrownBy(() -> BatchStateFile.parse("{\"batch_id\": \"batch_20250125_123456\", \"videos\": []}",
                "x.json")).hasMessageContaining("batch_id \"batch_20250125_123456\" is not a batch id");
        assertThatThrownBy(() -> BatchStateFile.parse("{" + id + "}", "x.json"))
                .hasMessage("x.json: field videos is missing or not a list");
        assertThatThrownBy(() -> BatchStateFile.parse("{" + id + ", \"videos\": [{\"status\": \"failed\"}]}",
                "x.json")).hasMessage("x.json: videos[0]: field url is missing");
        assertThatThrownBy(() -> BatchStateFile.parse("{" + id + ", \"videos\": [{\"url\": \"--exec rm\", "
                + "\"status\": \"failed\"}]}", "x.json")).hasMessageContaining("videos[0].url is not an https URL");
        assertThatThrownBy(() -> BatchStateFile.parse("{" + id + ", \"videos\": [{\"url\": 5}]}", "x.json"))
                .hasMessage("x.json: videos[0]: field url is not a string");
        assertThatThrownBy(() -> BatchStateFile.parse("{" + id + ", \"total\": 2, \"videos\": []}", "x.json"))
                .hasMessage("x.json: total is 2 but videos lists 0");
    }
}
