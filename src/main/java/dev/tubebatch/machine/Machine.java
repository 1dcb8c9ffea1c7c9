package dev.tubebatch.machine;

import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the machine: logical cores, memory in bytes, the 1-minute load average (negative where the system
 * does not tell), and its GPUs with a memory figure (empty without one).
 */
public record Machine(int cores, long totalMemory, long availableMemory, double loadAverage, List<Gpu> gpus) {

    public Machine {
        gpus = List.copyOf(gpus);
    }

    /** The GPU with this index (the CUDA device id), if nvidia-smi gave its memory. */
    public Optional<Gpu> gpu(int index) {
        return gpus.stream().filter(g -> g.index() == index).findFirst();
    }
}
