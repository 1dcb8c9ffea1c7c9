package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InferencePropertiesTest {

    @Test
    void defaults_are_the_bundled_models_loaded_lazily_on_what_the_machine_has() {
        InferenceProperties p = new InferenceProperties(null, null, null, null, null, null, null, null);

        assertThat(p.provider()).isEqualTo("auto");
        assertThat(p.eager()).isFalse();
        assertThat(p.speech().engine()).isEqualTo("moonshine");
        assertThat(p.speech().language()).isEqualTo("auto");
        assertThat(p.summary().method()).isEqualTo("extractive");
        assertThat(p.summary().sentences()).isEqualTo(5);
        assertThat(p.summary().keyPoints()).isEqualTo(6);
    }

    @Test
    void a_wrong_value_is_refused_at_start_naming_the_property() {
        assertThatThrownBy(() -> new InferenceProperties("gpu", null, null, null, null, null, null, null))
                .hasMessage("tubebatch.inference.provider: expected auto, cuda or cpu, got 'gpu'");
        assertThatThrownBy(() -> new InferenceProperties(null, null, null, null, "sometimes", null, null, null))
                .hasMessage("tubebatch.inference.load: expected one of lazy, eager, got 'sometimes'");
        assertThatThrownBy(() -> new InferenceProperties.Speech("whisper", null, null))
                .hasMessageStartingWith("tubebatch.inference.speech.engine=whisper needs "
                        + "tubebatch.inference.speech.whisper-model");
        assertThatThrownBy(() -> new InferenceProperties.Speech("whisper", Path.of("/m"), "--help"))
                .hasMessage("tubebatch.inference.speech.language: not a language code: --help");
        assertThatThrownBy(() -> new InferenceProperties.Summary("extractive", 0, null, null, null))
                .hasMessage("tubebatch.inference.summary.sentences must be at least 1: 0");
        assertThatThrownBy(() -> new InferenceProperties.Summary("abstractive", null, null, null, null))
                .hasMessageStartingWith("tubebatch.inference.summary.method=abstractive needs");
        assertThatThrownBy(() -> new InferenceProperties(null, null, -1, null, null, null, null, null))
                .hasMessage("tubebatch.inference.threads must be at least 0: -1");
    }
}
