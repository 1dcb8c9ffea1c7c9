package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStepTest {

    @Test
    void a_temporary_file_left_by_a_killed_export_is_removed_and_nothing_else(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("transcript.md"), "# done");
        Files.writeString(folder.resolve(".tmp-123456.part"), "# half");
        Files.writeString(folder.resolve("notes.part"), "kept: not the exporter's temporary name");

        ExportStep.removeStaleTempFiles(folder, temp -> false);

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("transcript.md", "notes.part");
        }
    }

    @Test
    void a_temporary_file_a_live_writer_may_be_writing_stays(@TempDir Path folder) throws Exception {
        Path live = Files.writeString(folder.resolve(".tmp-transcript.md-n0000000b-40-7.part"), "# half");
        Path dead = Files.writeString(folder.resolve(".tmp-transcript.md-n0000000c-40-7.part"), "# half");

        ExportStep.removeStaleTempFiles(folder, temp -> temp.equals(live));

        assertThat(live).exists();
        assertThat(dead).doesNotExist();
    }
}
