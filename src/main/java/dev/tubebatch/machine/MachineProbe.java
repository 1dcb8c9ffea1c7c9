package dev.tubebatch.machine;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;

/** Cores, memory and load from OSHI, GPUs from {@link GpuProbe}. */
public class MachineProbe {

    private final SystemInfo system = new SystemInfo();
    private final GpuProbe gpus;

    public MachineProbe(GpuProbe gpus) {
        this.gpus = gpus;
    }

    public Machine snapshot() {
        CentralProcessor processor = system.getHardware().getProcessor();
        GlobalMemory memory = system.getHardware().getMemory();
        double[] load = processor.getSystemLoadAverage(1);
        return new Machine(processor.getLogicalProcessorCount(), memory.getTotal(), memory.getAvailable(),
                load.length > 0 ? load[0] : -1, gpus.gpus());
    }

    public GpuProbe gpuProbe() {
        return gpus;
    }
}
