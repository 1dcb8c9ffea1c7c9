package dev.tubebatch.inference.speech;

import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.ModelRegistry;
import dev.tubebatch.inference.SettingIs;
import dev.tubebatch.inference.SpeechToText;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the speech engine: it exists as a bean only when configured (and, for Moonshine, when the build packaged
 * it), so the pipeline steps say plainly when there is none. A configured model whose files are not there is
 * recorded in the registry as missing, so health and the System view say so.
 */
@Configuration(proxyBeanMethods = false)
class SpeechConfiguration {

    static final String MOONSHINE = "moonshine-tiny";
    static final String WHISPER = "whisper";

    private static final String ENGINE = "tubebatch.inference.speech.engine";

    private final InferenceProperties properties;

    SpeechConfiguration(InferenceProperties properties, ModelRegistry registry) {
        this.properties = properties;
        switch (properties.speech().engine()) {
            case "moonshine" -> {
                if (!MoonshineModel.isPresent(MoonshineModel.BUNDLED)) {
                    registry.missing(MOONSHINE, MoonshineModel.BUNDLED.describe(), "not packaged in this build "
                            + "(fetched with npm at build time): videos without captions cannot be transcribed");
                }
            }
            case "whisper" -> {
                Path folder = whisperFolder();
                List<String> lacking = WhisperModel.missingFiles(folder);
                if (!lacking.isEmpty()) {
                    registry.missing(WHISPER, folder.toString(), "the folder lacks " + String.join(", ", lacking));
                }
            }
            default -> { }
        }
    }

    @Bean
    @Conditional(MoonshineWanted.class)
    SpeechToText moonshineSpeechToText(ModelRegistry registry) {
        ModelRegistry.Handle<MoonshineModel> model = registry.register(MOONSHINE,
                MoonshineModel.BUNDLED.describe(),
                () -> MoonshineModel.load(MoonshineModel.BUNDLED, registry.providers()), MoonshineModel::modelBytes);
        return new MoonshineSpeechToText(model, SilenceChunker.standard());
    }

    @Bean
    @Conditional(WhisperWanted.class)
    SpeechToText whisperSpeechToText(ModelRegistry registry) {
        Path folder = whisperFolder();
        ModelRegistry.Handle<WhisperModel> model = registry.register(WHISPER, folder.toString(),
                () -> WhisperModel.load(folder, registry.providers()), WhisperModel::modelBytes);
        return new WhisperSpeechToText(model, SilenceChunker.standard(), properties.speech().language());
    }

    private Path whisperFolder() {
        // InferenceProperties.Speech refuses engine=whisper without the folder.
        return java.util.Objects.requireNonNull(properties.speech().whisperModel(),
                "tubebatch.inference.speech.whisper-model").toAbsolutePath().normalize();
    }

    static final class MoonshineWanted extends SettingIs {
        MoonshineWanted() {
            super(ENGINE, "moonshine", "moonshine");
        }

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            // Absent: no engine; SpeechConfiguration records the model as missing (and logs it).
            return super.matches(context, metadata) && MoonshineModel.isPresent(MoonshineModel.BUNDLED);
        }
    }

    static final class WhisperWanted extends SettingIs {
        WhisperWanted() {
            super(ENGINE, "moonshine", "whisper");
        }
    }
}
