package dev.tubebatch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.ModelRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class ModelsHealthTest {

    /** A model that holds nothing: the registry's bookkeeping is what is checked. */
    record NoWeights() implements AutoCloseable {
        @Override
        public void close() {}
    }

    @Test
    void registered_models_that_are_not_loaded_yet_are_healthy() {
        try (ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1))) {
            registry.register("moonshine-tiny", "classpath:models/moonshine-tiny/", NoWeights::new, m -> 0);
            registry.register("all-minilm-l6-v2-q", "classpath:all-minilm-l6-v2-q.onnx", NoWeights::new, m -> 0);

            Health health = new ModelsHealth(registry).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKeys("moonshine-tiny", "all-minilm-l6-v2-q")
                    .doesNotContainKey("missing");
        }
    }

    @Test
    void a_configured_model_that_is_missing_makes_the_component_down_and_names_it() {
        try (ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1))) {
            registry.register("all-minilm-l6-v2-q", "classpath:all-minilm-l6-v2-q.onnx", NoWeights::new, m -> 0);
            registry.missing("moonshine-tiny", "classpath:models/moonshine-tiny/", "not packaged in this build");

            Health health = new ModelsHealth(registry).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("missing")).isEqualTo(List.of("moonshine-tiny"));
            @SuppressWarnings("unchecked")
            Map<String, Object> moonshine = (Map<String, Object>) health.getDetails().get("moonshine-tiny");
            assertThat(moonshine).containsEntry("missing", "not packaged in this build").containsEntry("loaded", false);
        }
    }
}
