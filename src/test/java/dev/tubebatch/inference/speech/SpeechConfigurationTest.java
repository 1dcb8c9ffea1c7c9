package dev.tubebatch.inference.speech;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechConfigurationTest {

    @Test
    void a_whisper_folder_without_the_model_is_recorded_as_missing_naming_the_files(@TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("config.json"), "{}");
        InferenceProperties properties = new InferenceProperties(null, null, null, null, null, null,
                new InferenceProperties.Speech("whisper", folder, "en"), null);
        try (ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1))) {
            new SpeechConfiguration(properties, registry);

            assertThat(registry.models()).singleElement().satisfies(m -> {
                assertThat(m.name()).isEqualTo("whisper");
                assertThat(m.source()).isEqualTo(folder.toAbsolutePath().normalize().toString());
                assertThat(m.missing()).isEqualTo("the folder lacks encoder_model.onnx, tokenizer.json, "
                        + "generation_config.json, preprocessor_config.json, decoder_model_merged.onnx (or "
                        + "decoder_model.onnx and decoder_with_past_model.onnx)");
            });
        }
    }

    @Test
    void the_bundled_moonshine_packaged_by_the_build_is_not_missing() throws Exception {
        InferenceProperties properties = new InferenceProperties(null, null, null, null, null, null, null, null);
        try (ModelRegistry registry = new ModelRegistry(ExecutionProviders.cpu(1))) {
            new SpeechConfiguration(properties, registry);

            assertThat(MoonshineModel.isPresent(MoonshineModel.BUNDLED)).as("the build packaged Moonshine").isTrue();
            assertThat(registry.models()).isEmpty();
        }
    }
}
