package dev.tubebatch.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {

    static final Instant SAME_SECOND = Instant.parse("2026-03-01T09:15:42Z");
    final OutputLayout layout = new OutputLayout(new OutputProperties(Path.of("out")));

    @Test
    void two_batches_of_the_same_name_created_in_the_same_second_get_folders_of_their_own() {
        Batch first = batch(UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001"), SAME_SECOND, false);
        Batch second = batch(UUID.fromString("f9e8d7c6-0000-4000-8000-000000000002"), SAME_SECOND.plusMillis(400),
                false);

        assertThat(OutputLayout.batchFolderName(first)).isEqualTo("weekly-talks-20260301-091542-0a1b2c3d");
        assertThat(OutputLayout.batchFolderName(second)).isEqualTo("weekly-talks-20260301-091542-f9e8d7c6");
        assertThat(layout.batchFolder(first)).isNotEqualTo(layout.batchFolder(second));
        assertThat(layout.batchFolder(first).getParent()).isEqualTo(layout.root());
    }

    @Test
    void a_batch_stored_before_folders_carried_the_id_keeps_the_folder_it_was_written_to() {
        Batch old = batch(UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001"), SAME_SECOND, true);

        assertThat(OutputLayout.batchFolderName(old)).isEqualTo("weekly-talks-20260301-091542");
        assertThat(layout.batchFolder(old)).isEqualTo(layout.root().resolve("weekly-talks-20260301-091542"));
    }

    private static Batch batch(UUID id, Instant createdAt, boolean legacyFolderName) {
        return new Batch(id, "Weekly talks", BatchStatus.RUNNING, "tester", createdAt, createdAt, null, null, 1,
                OnErrorPolicy.CONTINUE, null, false, legacyFolderName);
    }
}
