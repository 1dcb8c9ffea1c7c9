package dev.tubebatch.inference.summary;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tubebatch.inference.EncoderDecoderModel;
import dev.tubebatch.inference.ExecutionProviders;
import java.io.IOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A sequence-to-sequence summarizer (BART or T5 family) exported by Hugging Face optimum: {@code encoder_model.onnx}
 * ({@code input_ids}, {@code attention_mask} → {@code last_hidden_state}), {@code decoder_model_merged.onnx} (or
 * {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}),
 * {@code tokenizer.json}, {@code config.json} and, if present, {@code generation_config.json}. Greedy decoding.
 */
public final class Seq2SeqModel extends EncoderDecoderModel {

    /** What config.json (and generation_config.json, if present) say, read and checked before any session. */
    private record Settings(String family, String prefix, DecoderShape shape, long startToken, long endToken,
            int maxInputTokens) {

        static Settings read(Path folder) throws IOException {
            JsonNode config = readJson(folder.resolve(CONFIG));
            Path generationFile = folder.resolve(GENERATION);
            JsonNode generation = Files.isRegularFile(generationFile) ? readJson(generationFile) : config;
            String family = config.path("model_type").asText("seq2seq");
            String prefix = config.path("task_specific_params").path("summarization").path("prefix").asText("");
            int layers = firstInt(config, CONFIG, "decoder_layers", "num_decoder_layers", "num_layers");
            int heads = firstInt(config, CONFIG, "decoder_attention_heads", "num_heads");
            int headDim = config.has("d_kv") ? config.get("d_kv").asInt() : firstInt(config, CONFIG, "d_model") / heads;
            long startToken = firstInt(generation.has("decoder_start_token_id") ? generation : config, GENERATION,
                    "decoder_start_token_id");
            JsonNode eos = generation.has("eos_token_id") ? generation.get("eos_token_id") : config.get("eos_token_id");
            if (eos == null) {
                throw new IllegalArgumentException(CONFIG + ": missing field 'eos_token_id'");
            }
            long endToken = eos.isArray() ? eos.get(0).asLong() : eos.asLong();
            int positions = config.path("max_position_embeddings").asInt(config.path("n_positions").asInt(512));
            return new Settings(family, prefix, new DecoderShape(layers, heads, headDim), startToken, endToken,
                    Math.max(8, positions));
        }
    }

    private final String family;
    private final String prefix;
    private final long startToken;
    private final long endToken;
    private final int maxInputTokens;

    private Seq2SeqModel(Path folder, ExecutionProviders providers, Settings settings)
            throws IOException, OrtException {
        super(folder, providers, settings.shape());
        this.family = settings.family();
        this.prefix = settings.prefix();
        this.startToken = settings.startToken();
        this.endToken = settings.endToken();
        this.maxInputTokens = settings.maxInputTokens();
    }

    /** The files the model needs that {@code folder} lacks; empty when it is complete. */
    public static List<String> missingFiles(Path folder) {
        List<String> missing = missingFiles(folder, ENCODER);
        missing.addAll(missingDecoder(folder));
        missing.addAll(missingFiles(folder, TOKENIZER, CONFIG));
        return missing;
    }

    public static Seq2SeqModel load(Path folder, ExecutionProviders providers) {
        return load("summarization model", folder, missingFiles(folder),
                () -> new Seq2SeqModel(folder, providers, Settings.read(folder)));
    }

    public String family() {
        return family;
    }

    /** The most tokens the encoder reads at once. */
    int maxInputTokens() {
        return maxInputTokens;
    }

    int countTokens(String text) {
        return tokenizer().encode(prefix + text).getIds().length;
    }

    /** Summarizes {@code text} (cut at {@link #maxInputTokens()}) in at most {@code maxNewTokens} tokens. */
    String generate(String text, int maxNewTokens) {
        long[] ids = tokenizer().encode(prefix + text).getIds();
        if (ids.length > maxInputTokens) {
            ids = Arrays.copyOf(ids, maxInputTokens);
        }
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env(), LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env(), LongBuffer.wrap(mask), shape);
                OrtSession.Result encoded = encode(Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
            return decodeText(greedy(Map.of(
                    "encoder_hidden_states", (OnnxTensor) encoded.get("last_hidden_state").orElseThrow(),
                    "encoder_attention_mask", maskTensor), new long[] {startToken}, maxNewTokens, endToken));
        } catch (OrtException e) {
            throw new IllegalStateException("the summarization model failed: " + e.getMessage(), e);
        }
    }

    private static int firstInt(JsonNode node, String file, String... fields) {
        for (String field : fields) {
            if (node.has(field) && node.get(field).isNumber()) {
                return node.get(field).asInt();
            }
        }
        throw new IllegalArgumentException(file + ": missing field '" + String.join("' or '", fields) + "'");
    }
}
