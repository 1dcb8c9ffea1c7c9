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
import java.util.Set;
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

        Path folder = ExportService.write(layout, new VideoExporter(layout, new AtomicFiles(FakeWriterNodes.alone())),
                light, counting);

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
        AtomicFiles files = new AtomicFiles(new FakeWriterNodes("0000000a", Set.of("0000000b")));
        Path killed = Files.writeString(folder.resolve(".tmp-transcript.json-n0000000c-31-123456.part"), "x");
        Path ours = Files.writeString(folder.resolve(".tmp-summary.md-n0000000a-31-123456.part"), "x");
        Path oldOurs = old(Files.writeString(folder.resolve(".tmp-metadata.json-n0000000a-32-1.part"), "x"));
        Path otherLiveNode = old(Files.writeString(folder.resolve(".tmp-combined.pdf-n0000000b-40-7.part"), "x"));
        Path oldVersion = old(Files.writeString(folder.resolve(".tmp-stats.json-4242-31-1.part"), "x"));
        Path oldVersionWriting = Files.writeString(folder.resolve(".tmp-errors.md-4242-31-2.part"), "x");
        Path other = Files.writeString(folder.resolve(".tmp-notes.part"), "x");

        files.removeLeftovers(folder);

        assertThat(killed).as("a node that is no longer alive").doesNotExist();
        assertThat(oldOurs).doesNotExist();
        assertThat(oldVersion).as("named by process id, untouched for an hour").doesNotExist();
        assertThat(ours).as("a write in progress in this process").exists();
        assertThat(otherLiveNode).as("a write in progress on another live node, however long").exists();
        assertThat(oldVersionWriting).as("named by process id, written to just now").exists();
        assertThat(other).as("not a name we make").exists();
    }

    @Test
    void a_temporary_file_carries_the_node_id_and_is_gone_once_the_file_is_in_place(@TempDir Path folder)
            throws Exception {
        AtomicFiles files = new AtomicFiles(FakeWriterNodes.alone());
        Path file = folder.resolve("manifest.json");
        List<String> during = new ArrayList<>();

        files.write(file, out -> {
            try (var list = Files.list(folder)) {
                list.forEach(p -> during.add(p.getFileName().toString()));
            }
            out.write('x');
        });

        assertThat(during).singleElement().asString().matches("\\.tmp-manifest\\.json-n0000000a-\\d+-\\d+\\.part");
        assertThat(files.mayBeWriting(folder.resolve(during.getFirst()))).as("gone").isFalse();
        try (var list = Files.list(folder)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
        }
    }

    private static Path old(Path file) throws Exception {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        return file;
    }
}
