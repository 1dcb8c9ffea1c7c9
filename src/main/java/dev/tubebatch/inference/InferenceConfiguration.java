package dev.tubebatch.inference;

import dev.tubebatch.machine.Machine;
import dev.tubebatch.machine.MachineProbe;
import dev.tubebatch.machine.ResourceAdvisor;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the bundled models: the speech engine and the summarizer exist as beans only when configured (and, for
 * Moonshine, when the build packaged it), so the pipeline steps say plainly when there is none.
 */
@Configuration(proxyBeanMethods = false)
class InferenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InferenceConfiguration.class);
    /** The weights the bundled models take, for the advisor before anything is loaded. */
    static final long BUNDLED_MODEL_BYTES = 52L << 20;

    private final InferenceProperties properties;
    private final ResourceAdvisor.Advice advice;
    private final Machine machine;

    InferenceConfiguration(InferenceProperties properties, MachineProbe probe, ResourceAdvisor advisor) {
        this.properties = properties;
        this.machine = probe.snapshot();
        this.advice = advisor.advise(machine, BUNDLED_MODEL_BYTES);
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
        if (choice == ExecutionProviders.Choice.AUTO && machine.gpus().isEmpty()) {
            // No GPU seen: straight to the CPU (logged once, at the first model) rather than trying CUDA.
            return ExecutionProviders.noGpu(threads);
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
        LongSupplier freeGpu = machine.gpus().isEmpty() ? null : () -> probe.gpuProbe().gpus().stream()
                .mapToLong(dev.tubebatch.machine.Gpu::freeMib).sum();
        return new InferenceSlots(size, freeGpu, properties.minFreeGpuMib(), Duration.ofMinutes(10));
    }

    @Bean
    @Conditional(MoonshineWanted.class)
    SpeechToText moonshineSpeechToText(ModelRegistry registry) {
        ModelRegistry.Handle<MoonshineModel> model = registry.register("moonshine-tiny",
                MoonshineModel.BUNDLED.describe(),
                () -> MoonshineModel.load(MoonshineModel.BUNDLED, registry.providers()), MoonshineModel::modelBytes);
        return new MoonshineSpeechToText(model, SilenceChunker.standard());
    }

    @Bean
    @Conditional(WhisperWanted.class)
    SpeechToText whisperSpeechToText(ModelRegistry registry) {
        // Speech refuses engine=whisper without a model folder, at startup.
        java.nio.file.Path folder = Objects.requireNonNull(properties.speech().whisperModel())
                .toAbsolutePath().normalize();
        ModelRegistry.Handle<WhisperModel> model = registry.register("whisper", folder.toString(),
                () -> WhisperModel.load(folder, registry.providers()), WhisperModel::modelBytes);
        return new WhisperSpeechToText(model, SilenceChunker.standard(), properties.speech().language());
    }

    @Bean
    @Conditional(ExtractiveWanted.class)
    Summarizer extractiveSummarizer(ModelRegistry registry) {
        ModelRegistry.Handle<MiniLmEmbedder> model = registry.register("all-minilm-l6-v2-q",
                "classpath:" + MiniLmEmbedder.MODEL,
                () -> MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, registry.providers()), MiniLmEmbedder::modelBytes);
        return new ExtractiveSummarizer(model, properties.summary().sentences(), properties.summary().keyPoints());
    }

    @Bean
    @Conditional(AbstractiveWanted.class)
    Summarizer abstractiveSummarizer(ModelRegistry registry) {
        // Summary refuses method=abstractive without a model folder, at startup.
        java.nio.file.Path folder = Objects.requireNonNull(properties.summary().seq2seqModel())
                .toAbsolutePath().normalize();
        ModelRegistry.Handle<Seq2SeqModel> model = registry.register("seq2seq", folder.toString(),
                () -> Seq2SeqModel.load(folder, registry.providers()), Seq2SeqModel::modelBytes);
        return new AbstractiveSummarizer(model, properties.summary().maxTokens());
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadEagerly(ApplicationReadyEvent event) {
        if (properties.eager()) {
            event.getApplicationContext().getBean(ModelRegistry.class).loadAll();
        }
    }

    static final class MoonshineWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String engine = context.getEnvironment().getProperty("tubebatch.inference.speech.engine", "moonshine");
            if (!engine.strip().equalsIgnoreCase("moonshine")) {
                return false;
            }
            if (!MoonshineModel.isPresent(MoonshineModel.BUNDLED)) {
                log.warn("The bundled Moonshine speech model is absent from this build (it is fetched with npm at "
                        + "build time): videos without captions cannot be transcribed");
                return false;
            }
            return true;
        }
    }

    static final class WhisperWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("tubebatch.inference.speech.engine", "moonshine").strip()
                    .equalsIgnoreCase("whisper");
        }
    }

    static final class AbstractiveWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("tubebatch.inference.summary.method", "extractive").strip()
                    .equalsIgnoreCase("abstractive");
        }
    }

    static final class ExtractiveWanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return context.getEnvironment().getProperty("tubebatch.inference.summary.method", "extractive").strip()
                    .equalsIgnoreCase("extractive");
        }
    }
}
