package dev.tubebatch.machine;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The number of job workers in this process, as the {@link ResourceAdvisor} proposes from the machine's cores,
 * memory and GPU memory, unless {@code jobrunr.background-job-server.worker-count} is configured. Registered in
 * META-INF/spring.factories, so JobRunr's server starts with it; the figure and its reasons are in the System view.
 */
public final class AdvisedWorkerCount implements EnvironmentPostProcessor {

    static final String PROPERTY = "jobrunr.background-job-server.worker-count";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)
                || !environment.getProperty("jobrunr.background-job-server.enabled", Boolean.class, false)) {
            return;
        }
        GpuProbe gpus = new GpuProbe(environment.getProperty("tubebatch.resources.nvidia-smi", "nvidia-smi"));
        ResourceAdvisor advisor = new ResourceAdvisor(environment.getProperty(ResourceAdvisor.CUDA_DEVICE_PROPERTY,
                Integer.class, 0));
        int workers = advisor.advise(new MachineProbe(gpus).snapshot(), ResourceAdvisor.BUNDLED_MODEL_BYTES)
                .workers();
        environment.getPropertySources().addLast(new MapPropertySource("tubebatch-advised-workers",
                Map.of(PROPERTY, Integer.toString(workers))));
    }
}
