package dev.tubebatch.machine;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The job server's threads: the workers for downloads and other I/O (as the {@link ResourceAdvisor} proposes from the
 * machine's cores, memory and GPU memory, unless {@code jobrunr.background-job-server.worker-count} is configured)
 * plus one per inference slot ({@code tubebatch.inference.slots}, or the advisor's), for the videos whose inference
 * runs: such a video lends its worker to the next while it is in a slot, so inference and I/O do not take each other's
 * place. JobRunr is started with the sum; {@code tubebatch.engine.io-workers} keeps the workers' own number and the
 * slots are fixed here, so every part of the process counts the same. Registered in META-INF/spring.factories, so
 * JobRunr's server starts with it; the figure and its reasons are in the System view.
 */
public final class AdvisedWorkerCount implements EnvironmentPostProcessor {

    static final String PROPERTY = "jobrunr.background-job-server.worker-count";
    /** The workers for I/O, without the threads for inference. */
    public static final String IO_WORKERS = "tubebatch.engine.io-workers";
    static final String SLOTS = "tubebatch.inference.slots";
    private static final String SOURCE = "tubebatch-job-workers";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("jobrunr.background-job-server.enabled", Boolean.class, false)
                || environment.getPropertySources().contains(SOURCE)) {
            return;
        }
        Integer configuredWorkers = environment.getProperty(PROPERTY, Integer.class);
        int configuredSlots = environment.getProperty(SLOTS, Integer.class, 0);
        int workers;
        int slots;
        if (configuredWorkers != null && configuredSlots > 0) {
            workers = configuredWorkers;
            slots = configuredSlots;
        } else {
            ResourceAdvisor.Advice advice = advise(environment);
            workers = configuredWorkers != null ? configuredWorkers : advice.workers();
            slots = configuredSlots > 0 ? configuredSlots : advice.inferenceSlots();
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of(
                PROPERTY, Integer.toString(workers + slots),
                IO_WORKERS, Integer.toString(workers),
                SLOTS, Integer.toString(slots))));
    }

    private static ResourceAdvisor.Advice advise(ConfigurableEnvironment environment) {
        GpuProbe gpus = new GpuProbe(environment.getProperty("tubebatch.resources.nvidia-smi", "nvidia-smi"));
        ResourceAdvisor advisor = new ResourceAdvisor(environment.getProperty(ResourceAdvisor.CUDA_DEVICE_PROPERTY,
                Integer.class, 0));
        return advisor.advise(new MachineProbe(gpus).snapshot(), ResourceAdvisor.BUNDLED_MODEL_BYTES);
    }
}
