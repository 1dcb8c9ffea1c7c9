package dev.tubebatch.ops;

import dev.tubebatch.inference.InferenceSlots;
import dev.tubebatch.inference.ModelRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * This node's inference: {@code tubebatch.inference.slots} (size), {@code tubebatch.inference.slots.used} (running
 * now), {@code tubebatch.inference.throttled} (times an inference waited for GPU memory) and
 * {@code tubebatch.models.loaded.bytes}.
 */
@Component
class InferenceMetrics implements MeterBinder {

    private final InferenceSlots slots;
    private final ModelRegistry models;

    InferenceMetrics(InferenceSlots slots, ModelRegistry models) {
        this.slots = slots;
        this.models = models;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tubebatch.inference.slots", slots, InferenceSlots::size)
                .description("Inferences this node runs at once").register(registry);
        Gauge.builder("tubebatch.inference.slots.used", slots, InferenceSlots::running)
                .description("Inferences running now").register(registry);
        Gauge.builder("tubebatch.inference.throttled", slots, InferenceSlots::throttledCount)
                .description("Times an inference waited for GPU memory").register(registry);
        Gauge.builder("tubebatch.models.loaded.bytes", models, ModelRegistry::loadedBytes).baseUnit("bytes")
                .description("Weights of the loaded models").register(registry);
    }
}
