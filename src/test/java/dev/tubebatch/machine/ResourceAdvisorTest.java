package dev.tubebatch.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
    void with_several_gpus_only_the_configured_cuda_device_counts() {
        // GPU 0 is nearly full, GPU 1 has 4 GB free: the sum (4.5 GB) would give 2 slots on either device.
        Machine two = new Machine(8, 32 * GIB, 20 * GIB, 1,
                List.of(new Gpu(0, 8_192, 7_680), new Gpu(1, 8_192, 4_096)));

        ResourceAdvisor.Advice onFirst = new ResourceAdvisor(0).advise(two, 1000L << 20);
        assertThat(onFirst.inferenceSlots()).isEqualTo(1);
        assertThat(onFirst.reasons().get(0)).startsWith("GPU 0 (of 2) with 512 MiB free");

        ResourceAdvisor.Advice onSecond = new ResourceAdvisor(1).advise(two, 1000L << 20);
        assertThat(onSecond.inferenceSlots()).isEqualTo(2);
        assertThat(onSecond.reasons().get(0)).startsWith("GPU 1 (of 2) with 4096 MiB free");

        ResourceAdvisor.Advice onAbsent = new ResourceAdvisor(2).advise(two, 1000L << 20);
        assertThat(onAbsent.gpu()).isFalse();
        assertThat(onAbsent.reasons().get(0)).startsWith("no memory figure for GPU 2 (tubebatch.inference.cuda-device)");
    }

    @Test
    void little_memory_limits_the_workers_and_says_so() {
        ResourceAdvisor.Advice advice = advisor.advise(new Machine(16, 4 * GIB, 2 * GIB, 1, List.of()), 52L << 20);

        assertThat(advice.workers()).isLessThan(18);
        assertThat(advice.reasons()).anyMatch(r -> r.startsWith("memory: "));
    }

    @Test
    void oshi_sees_this_machine() {
        Machine machine = new MachineProbe(new GpuProbe("no-such-nvidia-smi")).snapshot();

        assertThat(machine.cores()).isPositive();
        assertThat(machine.totalMemory()).isGreaterThan(machine.availableMemory()).isPositive();
        assertThat(machine.gpus()).isEmpty();
    }
}
