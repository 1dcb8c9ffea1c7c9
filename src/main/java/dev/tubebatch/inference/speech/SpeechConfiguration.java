package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.SpeechToText;
import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.ModelRegistry;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the speech engine: it exists as a bean only when configured (and, for Moonshine, when the build packaged
 * it), so the pipeline steps say plainly when there is none.
 */
@Configuration(proxyBeanMethods = false)
class SpeechConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SpeechConfiguration.class);

    private final InferenceProperties properties;

    SpeechConfiguration(InferenceProperties properties) {
        this.properties = properties;
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
        Path configured = java.util.Objects.requireNonNull(properties.speech().whisperModel(),
                "tubebatch.inference.speech.whisper-model"); // InferenceProperties requires it for whisper
        Path folder = configured.toAbsolutePath().normalize();
        ModelRegistry.Handle<WhisperModel> model = registry.register("whisper", folder.toString(),
                () -> WhisperModel.load(folder, registry.providers()), WhisperModel::modelBytes);
        return new WhisperSpeechToText(model, SilenceChunker.standard(), properties.speech().language());
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
}
