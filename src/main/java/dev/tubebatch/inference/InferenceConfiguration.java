package dev.tubebatch.inference;

import dev.tubebatch.machine.Machine;
import dev.tubebatch.machine.MachineProbe;
import dev.tubebatch.machine.ResourceAdvisor;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Wires what every model shares: the resource advice, execution providers, the model registry and the inference
 * slots, and the eager load at start. The speech engine and the summarizer are wired in their own packages
 * ({@code SpeechConfiguration}, {@code SummaryConfiguration}), which register their models here.
 */
@Configuration(proxyBeanMethods = false)
class InferenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InferenceConfiguration.class);

    private final InferenceProperties properties;
    private final ResourceAdvisor.Advice advice;
    private final Machine machine;

    InferenceConfiguration(InferenceProperties properties, MachineProbe probe, ResourceAdvisor advisor) {
        this.properties = properties;
        this.machine = probe.snapshot();
        this.advice = advisor.advise(machine, ResourceAdvisor.BUNDLED_MODEL_BYTES);
        log.info("Resource advice: {} workers, {} inference slot(s) of {} thread(s), batches of {}: {}",
                advice.workers(), advice.inferenceSlots(), advice.threadsPerSlot(), advice.batchSize(),
                String.join("; ", advice.reasons()));
    }

    @Bean
    ResourceAdvisor.Advice resourceAdvice() {
        return advice;
    }

    @Bean
    ExecutionProviders executionProviders() {
        ExecutionProviders.Choice choice = ExecutionProviders.Choice.parse(properties.provider());
        int threads = properties.threads() > 0 ? properties.threads() : advice.threadsPerSlot();
        if (choice == ExecutionProviders.Choice.AUTO && machine.gpu(properties.cudaDevice()).isEmpty()) {
            // No GPU seen: straight to the CPU (logged once, at the first model) rather than trying CUDA.
            return ExecutionProviders.noGpu(properties.cudaDevice(), threads);
        }
        return new ExecutionProviders(choice, properties.cudaDevice(), threads);
    }

    @Bean(destroyMethod = "close")
    ModelRegistry modelRegistry(ExecutionProviders providers) {
        return new ModelRegistry(providers);
    }

    @Bean
    InferenceSlots inferenceSlots(MachineProbe probe) {
        int size = properties.slots() > 0 ? properties.slots() : advice.inferenceSlots();
        // Only the device CUDA runs on counts; when its figure cannot be read (for now), nothing is held back.
        int device = properties.cudaDevice();
        LongSupplier freeGpu = machine.gpu(device).isEmpty() ? null
                : () -> probe.gpuProbe().freeMib(device).orElse(Long.MAX_VALUE);
        return new InferenceSlots(size, freeGpu, properties.minFreeGpuMib(), Duration.ofMinutes(10));
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadEagerly(ApplicationReadyEvent event) {
        if (properties.eager()) {
            event.getApplicationContext().getBean(ModelRegistry.class).loadAll();
        }
    }
}
