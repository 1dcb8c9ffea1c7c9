package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.ModelRegistry;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the summarizer: it exists as a bean only for the configured method ({@code extractive} or
 * {@code abstractive}), so with {@code none} the pipeline says plainly that there is none.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    private final InferenceProperties properties;

    SummaryConfiguration(InferenceProperties properties) {
        this.properties = properties;
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
        Path folder = properties.summary().seq2seqModel().toAbsolutePath().normalize();
        ModelRegistry.Handle<Seq2SeqModel> model = registry.register("seq2seq", folder.toString(),
                () -> Seq2SeqModel.load(folder, registry.providers()), Seq2SeqModel::modelBytes);
        return new AbstractiveSummarizer(model, properties.summary().maxTokens());
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
