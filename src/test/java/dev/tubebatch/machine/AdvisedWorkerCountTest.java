package dev.tubebatch.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AdvisedWorkerCountTest {

    @Test
    void the_advisor_sets_the_worker_count_when_none_is_configured() {
        StandardEnvironment environment = environment(Map.of("jobrunr.background-job-server.enabled", "true",
                "tubebatch.resources.nvidia-smi", "/nonexistent/nvidia-smi"));
        new AdvisedWorkerCount().postProcessEnvironment(environment, null);
        int workers = environment.getRequiredProperty(AdvisedWorkerCount.IO_WORKERS, Integer.class);
        int slots = environment.getRequiredProperty(AdvisedWorkerCount.SLOTS, Integer.class);
        assertThat(workers).isBetween(1, ResourceAdvisor.MAX_WORKERS);
        assertThat(slots).isPositive();
        assertThat(environment.getRequiredProperty(AdvisedWorkerCount.PROPERTY, Integer.class))
                .isEqualTo(workers + slots);
    }

    @Test
    void the_job_server_has_a_thread_per_inference_slot_beside_the_configured_workers() {
        StandardEnvironment configured = environment(Map.of("jobrunr.background-job-server.enabled", "true",
                AdvisedWorkerCount.PROPERTY, "7", AdvisedWorkerCount.SLOTS, "2"));
        new AdvisedWorkerCount().postProcessEnvironment(configured, null);
        assertThat(configured.getProperty(AdvisedWorkerCount.IO_WORKERS)).isEqualTo("7");
        assertThat(configured.getProperty(AdvisedWorkerCount.PROPERTY)).isEqualTo("9");

        new AdvisedWorkerCount().postProcessEnvironment(configured, null);
        assertThat(configured.getProperty(AdvisedWorkerCount.PROPERTY)).as("added once").isEqualTo("9");
    }

    @Test
    void a_node_without_workers_gets_none() {

        StandardEnvironment web = environment(Map.of("jobrunr.background-job-server.enabled", "false"));
        new AdvisedWorkerCount().postProcessEnvironment(web, null);
        assertThat(web.containsProperty(AdvisedWorkerCount.PROPERTY)).isFalse();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
