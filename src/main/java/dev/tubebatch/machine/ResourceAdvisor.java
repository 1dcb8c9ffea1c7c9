package dev.tubebatch.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proposes how much to run at once on a machine, with its reasons: inference slots (from free GPU memory and the
 * models' footprint, or from the CPU cores), ONNX Runtime threads per slot, job workers (downloads wait on the
 * network, so more workers than slots), and a batch size (about an hour of work for this machine, so a batch shows
 * results soon and a restart loses little). CUDA runs on one device ({@value #CUDA_DEVICE_PROPERTY}), so only that
 * GPU's memory counts.
 */
public final class ResourceAdvisor {

    /** The CUDA device inference runs on; bound in {@code InferenceProperties}, read here before the context. */
    public static final String CUDA_DEVICE_PROPERTY = "tubebatch.inference.cuda-device";
    /**
     * The bundled models' weights (Moonshine tiny and MiniLM, about 49 MiB on disk), for advice before anything is
     * loaded. {@code BundledModelFootprintTest} checks it against the files.
     */
    public static final long BUNDLED_MODEL_BYTES = 52L << 20;

    /** Memory one inference takes beyond the weights: activations, key/value caches, the runtime's arenas. */
    static final long WORKING_SET = 512L << 20;
    /** GPU memory left for others (the desktop, other processes). */
    static final long GPU_RESERVE_MIB = 1024;
    /** Memory one job worker takes outside inference: yt-dlp, ffmpeg, decoded audio. */
    static final long WORKER_MEMORY = 300L << 20;
    static final int MAX_SLOTS = 8;
    static final int MAX_WORKERS = 32;
    /** Videos one inference slot finishes in an hour, roughly (transcribing 10-minute videos at 30x real time). */
    static final int VIDEOS_PER_SLOT_HOUR = 120;

    private final int cudaDevice;

    /** The figure the batch size comes from, for estimates made before anything was measured. */
    public static int videosPerSlotHour() {
        return VIDEOS_PER_SLOT_HOUR;
    }

    public ResourceAdvisor() {
        this(0);
    }

    public ResourceAdvisor(int cudaDevice) {
        if (cudaDevice < 0) {
            throw new IllegalArgumentException(CUDA_DEVICE_PROPERTY + " must be at least 0: " + cudaDevice);
        }
        this.cudaDevice = cudaDevice;
    }

    public record Advice(int workers, int inferenceSlots, int threadsPerSlot, int batchSize, boolean gpu,
            List<String> reasons) {

        public Advice {
            reasons = List.copyOf(reasons);
        }
    }

    /** @param modelBytes the weights of the models one inference uses (the registry's footprint) */
    public Advice advise(Machine machine, long modelBytes) {
        List<String> reasons = new ArrayList<>();
        int cores = Math.max(1, machine.cores());
        int slots;
        int threads;
        Optional<Gpu> device = machine.gpu(cudaDevice);
        boolean gpu = device.isPresent();
        if (device.isPresent()) {
            long free = device.get().freeMib();
            long perSlotMib = Math.max(1, (modelBytes + WORKING_SET) >> 20);
            long usable = Math.max(0, free - GPU_RESERVE_MIB);
            slots = (int) Math.max(1, Math.min(MAX_SLOTS, usable / perSlotMib));
            threads = Math.max(1, Math.min(4, cores / slots));
            reasons.add("GPU " + cudaDevice + (machine.gpus().size() > 1 ? " (of " + machine.gpus().size() + ")" : "")
                    + " with " + free + " MiB free; keeping " + GPU_RESERVE_MIB + " MiB for others and " + perSlotMib
                    + " MiB per inference gives " + slots + " slot(s)"
                    + (slots == MAX_SLOTS ? " (capped at " + MAX_SLOTS + ")" : ""));
        } else {
            // ONNX Runtime scales well to a few threads per inference: two threads a slot, one slot at least.
            slots = Math.max(1, Math.min(MAX_SLOTS, cores / 2));
            threads = Math.max(1, cores / slots);
            reasons.add((machine.gpus().isEmpty() ? "no GPU" : "no memory figure for GPU " + cudaDevice + " ("
                    + CUDA_DEVICE_PROPERTY + ")") + ": " + cores + " cores give " + slots + " inference slot(s) of "
                    + threads + " thread(s) each");
        }
        int workers = Math.max(2, slots * 2 + 2);
        long memoryWorkers = Math.max(1, (machine.availableMemory() - modelBytes - (long) slots * WORKING_SET)
                / WORKER_MEMORY);
        if (memoryWorkers < workers) {
            reasons.add("memory: " + (machine.availableMemory() >> 20) + " MiB available allows " + memoryWorkers
                    + " worker(s), fewer than the " + workers + " the slots would use");
            workers = (int) Math.max(1, memoryWorkers);
        } else {
            reasons.add(workers + " workers: two per slot keep it busy while others download, plus two for "
                    + "captions-only videos");
        }
        workers = Math.min(MAX_WORKERS, workers);
        if (machine.loadAverage() > cores) {
            reasons.add("the machine is already loaded (load " + String.format("%.1f", machine.loadAverage())
                    + " on " + cores + " cores): expect slower progress");
        }
        int batchSize = Math.max(10, slots * VIDEOS_PER_SLOT_HOUR / 10 * 10);
        reasons.add("batch size " + batchSize + ": about an hour of work at " + VIDEOS_PER_SLOT_HOUR
                + " videos per slot and hour, so results come early and a restart loses little");
        return new Advice(workers, slots, threads, batchSize, gpu, reasons);
    }
}
