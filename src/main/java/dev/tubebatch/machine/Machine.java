package dev.tubebatch.machine;

import java.util.List;

/**
 * A snapshot of the machine: logical cores, memory in bytes, the 1-minute load average (negative where the system
 * does not tell), and its GPUs (empty without one).
 */
public record Machine(int cores, long totalMemory, long availableMemory, double loadAverage, List<Gpu> gpus) {

    public Machine {
        gpus = List.copyOf(gpus);
    }

    public long freeGpuMib() {
        return gpus.stream().mapToLong(Gpu::freeMib).sum();
    }
}
