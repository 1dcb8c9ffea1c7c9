package dev.tubebatch.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceAdvisorTest {

    private static final long GIB = 1L << 30;
    private final ResourceAdvisor advisor = new ResourceAdvisor();

    @Test
    void without_a_gpu_two_cores_give_one_slot_of_two_threads() {
        ResourceAdvisor.Advice advice = advisor.advise(new Machine(2, 16 * GIB, 12 * GIB, 0.5, List.of()), 52L << 20);

        assertThat(advice.gpu()).isFalse();
        assertThat(advice.inferenceSlots()).isEqualTo(1);
        assertThat(advice.threadsPerSlot()).isEqualTo(2);
        assertThat(advice.workers()).isEqualTo(4);
        assertThat(advice.batchSize()).isEqualTo(120);
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("no GPU: 2 cores give 1 inference slot"));
    }

    @Test
    void sixteen_cores_give_eight_slots() {
        ResourceAdvisor.Advice advice = advisor.advise(new Machine(16, 64 * GIB, 60 * GIB, 1, List.of()), 52L << 20);

        assertThat(advice.inferenceSlots()).isEqualTo(8);
        assertThat(advice.threadsPerSlot()).isEqualTo(2);
        assertThat(advice.workers()).isEqualTo(18);
    }

    @Test
    void gpu_slots_come_from_free_gpu_memory_and_the_model_footprint() {
        // 80 GB card with 2 GB used: (78 GB - 1 GB reserve) / (500 MB model + 512 MB working set) > 8: capped.
        Machine big = new Machine(16, 128 * GIB, 100 * GIB, 1, List.of(new Gpu(0, 81_920, 2_048)));
        assertThat(advisor.advise(big, 500L << 20).inferenceSlots()).isEqualTo(8);

        // 4 GB free: (4096 - 1024) / (1000 + 512) = 2 slots.
        Machine small = new Machine(8, 32 * GIB, 20 * GIB, 1, List.of(new Gpu(0, 8_192, 4_096)));
        ResourceAdvisor.Advice advice = advisor.advise(small, 1000L << 20);
        assertThat(advice.gpu()).isTrue();
        assertThat(advice.inferenceSlots()).isEqualTo(2);
        assertThat(advice.reasons().get(0)).contains("4096 MiB free").contains("2 slot(s)");
    }

    @Test
    void little_memory_limits_the_workers_and_says_so() {
        ResourceAdvisor.Advice advice = advisor.advise(new Machine(16, 4 * GIB, 2 * GIB, 1, List.of()), 52L << 20);

        assertThat(advice.workers()).isLessThan(18);
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("memory: "));
    }

    @Test
    void nvidia_smi_lines_are_read_and_a_bad_line_is_named() {
        assertThat(GpuProbe.parse("81559, 1234\n24576, 0\n")).containsExactly(new Gpu(0, 81559, 1234),
                new Gpu(1, 24576, 0));
        assertThat(GpuProbe.parse("")).isEmpty();
        assertThatThrownBy(() -> GpuProbe.parse("81559, 1234\n[N/A], 5\n"))
                .hasMessage("nvidia-smi line 2: not numbers in MiB: '[N/A], 5'");
        assertThatThrownBy(() -> GpuProbe.parse("1 2 3"))
                .hasMessage("nvidia-smi line 1: expected 'total, used', got '1 2 3'");
    }

    @Test
    void a_missing_or_failing_nvidia_smi_means_no_gpu(@TempDir Path dir) throws Exception {
        assertThat(new GpuProbe(dir.resolve("no-such-nvidia-smi").toString()).gpus()).isEmpty();

        Path failing = dir.resolve("nvidia-smi");
        Files.writeString(failing, "#!/bin/sh\necho 'NVIDIA-SMI has failed because it could not communicate'\nexit 9\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        assertThat(new GpuProbe(failing.toString()).gpus()).isEmpty();

        Path fake = dir.resolve("fake-smi");
        Files.writeString(fake, "#!/bin/sh\n[ \"$1\" = \"--query-gpu=memory.total,memory.used\" ] || exit 2\n"
                + "echo '16384, 4096'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertThat(new GpuProbe(fake.toString()).gpus()).containsExactly(new Gpu(0, 16384, 4096));
    }

    @Test
    void oshi_sees_this_machine() {
        Machine machine = new MachineProbe(new GpuProbe("no-such-nvidia-smi")).snapshot();

        assertThat(machine.cores()).isPositive();
        assertThat(machine.totalMemory()).isGreaterThan(machine.availableMemory()).isPositive();
        assertThat(machine.gpus()).isEmpty();
    }
}
