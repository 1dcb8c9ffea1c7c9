package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tubebatch.export.OutputProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What counts as a full disk, and which folder is named. The first test fills a real 1 MiB tmpfs where this machine
 * lets the test mount one (as root, which CI is); elsewhere it is skipped and the engine test
 * ({@link PoisonAndLimitsTest}) still covers a full disk through yt-dlp's own error line.
 */
class WorkFoldersTest {

    @TempDir
    Path temp;

    @Test
    void a_write_to_a_full_tmpfs_is_recognized_and_the_full_folder_is_named() throws Exception {
        Path small = temp.resolve("small");
        Files.createDirectories(small);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()),
                "mounting a tmpfs needs root; the full disk is covered through yt-dlp's error in PoisonAndLimitsTest");
        try {
            Path roomy = temp.resolve("roomy");
            WorkFolders folders = new WorkFolders(new OutputProperties(roomy),
                    new PipelineProperties(small.resolve("work"), Duration.ofHours(4)));
            Files.createDirectories(small.resolve("work"));

            IOException full = fill(small.resolve("work").resolve("audio.wav"));

            assertThat(WorkFolders.isDiskFull(full, null)).as(full.toString()).isTrue();
            assertThat(folders.fullest()).isEqualTo(small.resolve("work").toAbsolutePath().normalize());
            assertThat(folders.space()).extracting(WorkFolders.Space::name).containsExactly("output", "work");
            assertThat(folders.space().get(1).totalBytes()).isEqualTo(1024 * 1024);
        } finally {
            run("umount", small.toString());
        }
    }

    @Test
    void the_tools_own_words_for_a_full_disk_are_recognized_and_other_failures_are_not() {
        RuntimeException failure = new RuntimeException("yt-dlp exited with 1");
        assertThat(WorkFolders.isDiskFull(failure,
                "ERROR: unable to write data: [Errno 28] No space left on device")).isTrue();
        assertThat(WorkFolders.isDiskFull(failure,
                "[out#0/wav @ 0x55] Error writing trailer: No space left on device")).isTrue();
        assertThat(WorkFolders.isDiskFull(new IllegalStateException("wrapped", new IOException("Disk quota exceeded")),
                null)).isTrue();
        assertThat(WorkFolders.isDiskFull(failure, "ERROR: [youtube] x: HTTP Error 429: Too Many Requests"))
                .isFalse();
        assertThat(WorkFolders.isDiskFull(new IOException("Permission denied"), null)).isFalse();
    }

    @Test
    void a_missing_folder_is_measured_on_the_nearest_folder_that_exists() {
        WorkFolders folders = new WorkFolders(new OutputProperties(temp.resolve("not/yet/output")),
                new PipelineProperties(temp.resolve("work"), null));
        assertThat(folders.space()).allSatisfy(space -> assertThat(space.usableBytes()).isPositive());
    }

    private static IOException fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 64; i++) { // 4 MiB at most, into 1 MiB
                out.write(block);
                out.flush();
            }
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("4 MiB fit into a 1 MiB tmpfs");
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Test
    void a_video_length_limit_must_be_positive() {
        assertThatThrownBy(() -> new PipelineProperties(temp, Duration.ZERO))
                .hasMessageContaining("tubebatch.pipeline.max-video-duration");
    }
}
