package dev.tubebatch.ops;

import dev.tubebatch.inference.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The models this node has registered (health component {@code models}): each with its source, whether it is
 * loaded (models load on first use unless {@code tubebatch.inference.load=eager}) and its weights. A model that is
 * not loaded yet is not a fault; one that failed to load makes the inference step fail with its reason.
 */
@Component("models")
class ModelsHealth implements HealthIndicator {

    private final ModelRegistry registry;

    ModelsHealth(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ModelRegistry.ModelInfo model : registry.models()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", model.source());
            details.put("loaded", model.loaded());
            details.put("bytes", model.bytes());
            health.withDetail(model.name(), details);
        }
        health.withDetail("loadedBytes", registry.loadedBytes());
        return health.build();
    }
}
