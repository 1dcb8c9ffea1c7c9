package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.inference.speech.MoonshineModel;
import dev.tubebatch.inference.summary.MiniLmEmbedder;
import dev.tubebatch.machine.ResourceAdvisor;
import org.junit.jupiter.api.Test;

/** The one figure for the bundled models' weights, which the advisor uses before any is loaded, fits the files. */
class BundledModelFootprintTest {

    @Test
    void the_advisors_bundled_model_figure_covers_the_bundled_files_without_overstating_them() {
        long files = MoonshineModel.BUNDLED.read("encoder_model.onnx").length
                + MoonshineModel.BUNDLED.read("decoder_model_merged.onnx").length
                + MiniLmEmbedder.BUNDLED.read("all-minilm-l6-v2-q.onnx").length;

        assertThat(ResourceAdvisor.BUNDLED_MODEL_BYTES).isGreaterThanOrEqualTo(files)
                .isLessThan(files + (files >> 3));
    }
}
