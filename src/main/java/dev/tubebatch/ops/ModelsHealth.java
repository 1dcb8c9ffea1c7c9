package dev.tubebatch.ops;

import dev.tubebatch.inference.ModelRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The models this node has registered (health component {@code models}): each with its source, whether it is
 * loaded (models load on first use unless {@code tubebatch.inference.load=eager}) and its weights. A model that is
 * not loaded yet is not a fault; one that failed to load makes the inference step fail with its reason. A
 * configured model whose files are not there (a build without the speech model, a wrong model folder) makes the
 * component DOWN, with the reason under the model and the names under {@code missing}.
 */
@Component("models")
class ModelsHealth implements HealthIndicator {

    private final ModelRegistry registry;

    ModelsHealth(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<ModelRegistry.ModelInfo> models = registry.models();
        List<String> missing = models.stream().filter(m -> m.missing() != null).map(ModelRegistry.ModelInfo::name)
                .toList();
        Health.Builder health = missing.isEmpty() ? Health.up() : Health.down();
        for (ModelRegistry.ModelInfo model : models) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", model.source());
            details.put("loaded", model.loaded());
            details.put("bytes", model.bytes());
            String why = model.missing();
            if (why != null) {
                details.put("missing", why);
            }
            health.withDetail(model.name(), details);
        }
        if (!missing.isEmpty()) {
            health.withDetail("missing", missing);
        }
        health.withDetail("loadedBytes", registry.loadedBytes());
        return health.build();
    }
}
