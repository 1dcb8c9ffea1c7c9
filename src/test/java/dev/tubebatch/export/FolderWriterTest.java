package dev.tubebatch.export;

import dev.tubebatch.export.render.PdfText;
import dev.tubebatch.export.render.Snapshots;
import dev.tubebatch.export.render.BatchSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.Transcript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWriterTest {

    @Test
    void a_large_batch_is_written_reading_its_texts_a_page_at_a_time(@TempDir Path root) throws Exception {
        Batch batch = Snapshots.batch("Paged", 450);
        List<BatchSnapshot.Video> full = new ArrayList<>();
        for (int i = 1; i <= 450; i++) {
            full.add(i % 100 == 0 ? Snapshots.failed(batch, i, String.format("prv%08d", i))
                    : Snapshots.completed(batch, i, String.format("cap%08d", i), "Video " + i, 2, "Summary " + i));
        }
        BatchSnapshot withTexts = new BatchSnapshot(batch, full, Snapshots.START);
        // What the database gives: the texts' descriptions, not the texts.
        BatchSnapshot light = new BatchSnapshot(batch, full.stream().map(v -> new BatchSnapshot.Video(v.item(),
                v.steps(), v.attempts(), null, null, v.texts())).toList(), Snapshots.START);
        TextLoader texts = TextLoader.of(withTexts);
        List<Integer> pages = new ArrayList<>();
        TextLoader counting = new TextLoader() {
            @Override
            public Map<UUID, Transcript> transcripts(List<UUID> itemIds) {
                pages.add(itemIds.size());
                return texts.transcripts(itemIds);
            }

            @Override
            public Map<UUID, Summary> summaries(List<UUID> itemIds) {
                return texts.summaries(itemIds);
            }
        };
        OutputLayout layout = new OutputLayout(new OutputProperties(root));

        Path folder = ExportService.write(layout, new VideoExporter(layout), light, counting);

        assertThat(pages).containsExactly(200, 200, 50);
        for (String file : OutputLayout.BATCH_FILES) {
            assertThat(folder.resolve(file)).isRegularFile();
        }
        try (var list = Files.list(folder.resolve("videos"))) {
            assertThat(list.count()).isEqualTo(446);
        }
        assertThat(Files.readString(folder.resolve(OutputLayout.videoFile(full.get(449).item(), "summary.md"))))
                .contains("Summary 450");
        List<PdfText.Bookmark> outline = PdfText.outline(folder.resolve("combined.pdf"));
        assertThat(outline).hasSize(450);
        assertThat(PdfText.page(folder.resolve("combined.pdf"), outline.get(449).page())).contains("Summary 450");
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"summary\" : \"test\"")
                .contains("\"transcript_source\" : \"captions\"");
        assertThat(Files.readString(folder.resolve(ExportService.STAMP))).isEqualTo(ExportService.fingerprint(light));
    }

    @Test
    void a_killed_writers_temporary_files_are_removed_when_the_folder_is_written_again(@TempDir Path folder)
            throws Exception {
        long pid = ProcessHandle.current().pid();
        Path killed = Files.writeString(folder.resolve(".tmp-transcript.json-" + (pid + 1) + "-31-123456.part"), "x");
        Path ours = Files.writeString(folder.resolve(".tmp-summary.md-" + pid + "-31-123456.part"), "x");
        Path oldOurs = Files.writeString(folder.resolve(".tmp-metadata.json-" + pid + "-32-1.part"), "x");
        Files.setLastModifiedTime(oldOurs, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600)));
        Path other = Files.writeString(folder.resolve(".tmp-notes.part"), "x");

        VideoExporter.removeLeftovers(folder);

        assertThat(killed).doesNotExist();
        assertThat(oldOurs).doesNotExist();
        assertThat(ours).as("a write in progress in this process").exists();
        assertThat(other).as("not a name we make").exists();
    }
}
