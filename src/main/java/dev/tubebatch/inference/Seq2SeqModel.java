package dev.tubebatch.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sequence-to-sequence summarizer (BART or T5 family) exported by Hugging Face optimum: {@code encoder_model.onnx}
 * ({@code input_ids}, {@code attention_mask} → {@code last_hidden_state}), {@code decoder_model_merged.onnx} (or
 * {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}),
 * {@code tokenizer.json}, {@code config.json} and, if present, {@code generation_config.json}. Greedy decoding.
 */
public final class Seq2SeqModel implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrtEnvironment env;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final OrtSession pastDecoder;
    private final HuggingFaceTokenizer tokenizer;
    private final String family;
    private final String prefix;
    private final int layers;
    private final int heads;
    private final int headDim;
    private final long startToken;
    private final long endToken;
    private final int maxInputTokens;
    private final long bytes;

    private Seq2SeqModel(Path folder, ExecutionProviders providers) throws IOException, OrtException {
        JsonNode config = read(folder.resolve("config.json"));
        Path generationFile = folder.resolve("generation_config.json");
        JsonNode generation = Files.isRegularFile(generationFile) ? read(generationFile) : config;
        this.family = config.path("model_type").asText("seq2seq");
        this.prefix = config.path("task_specific_params").path("summarization").path("prefix").asText("");
        this.layers = firstInt(config, "config.json", "decoder_layers", "num_decoder_layers", "num_layers");
        this.heads = firstInt(config, "config.json", "decoder_attention_heads", "num_heads");
        this.headDim = config.has("d_kv") ? config.get("d_kv").asInt()
                : firstInt(config, "config.json", "d_model") / heads;
        this.startToken = firstInt(generation.has("decoder_start_token_id") ? generation : config,
                "generation_config.json", "decoder_start_token_id");
        JsonNode eos = generation.has("eos_token_id") ? generation.get("eos_token_id") : config.get("eos_token_id");
        if (eos == null) {
            throw new IllegalArgumentException("config.json: missing field 'eos_token_id'");
        }
        this.endToken = eos.isArray() ? eos.get(0).asLong() : eos.asLong();
        int positions = config.path("max_position_embeddings").asInt(config.path("n_positions").asInt(512));
        this.maxInputTokens = Math.max(8, positions);
        this.env = OrtEnvironment.getEnvironment();
        byte[] encoderBytes = Files.readAllBytes(folder.resolve(WhisperModel.ENCODER));
        boolean merged = Files.isRegularFile(folder.resolve(WhisperModel.DECODER));
        byte[] decoderBytes = Files.readAllBytes(folder.resolve(merged ? WhisperModel.DECODER
                : WhisperModel.FIRST_DECODER));
        byte[] pastBytes = merged ? new byte[0] : Files.readAllBytes(folder.resolve(WhisperModel.PAST_DECODER));
        try (OrtSession.SessionOptions options = providers.options()) {
            this.encoder = env.createSession(encoderBytes, options);
            this.decoder = env.createSession(decoderBytes, options);
            this.pastDecoder = merged ? decoder : env.createSession(pastBytes, options);
        }
        try (InputStream json = Files.newInputStream(folder.resolve("tokenizer.json"))) {
            // Our code cuts inputs itself (Seq2SeqModel) or decodes only: no padding, no silent truncation.
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation",
                    "false"));
        }
        this.bytes = (long) encoderBytes.length + decoderBytes.length + pastBytes.length;
    }

    public static Seq2SeqModel load(Path folder, ExecutionProviders providers) {
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(folder.resolve(WhisperModel.ENCODER))) {
            missing.add(WhisperModel.ENCODER);
        }
        missing.addAll(WhisperModel.missingDecoder(folder));
        for (String file : List.of("tokenizer.json", "config.json")) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Summarization model folder " + folder + " lacks "
                    + String.join(", ", missing));
        }
        try {
            return new Seq2SeqModel(folder, providers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the summarization model in " + folder, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the summarization model in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    public String family() {
        return family;
    }

    public long modelBytes() {
        return bytes;
    }

    /** The most tokens the encoder reads at once. */
    int maxInputTokens() {
        return maxInputTokens;
    }

    int countTokens(String text) {
        return tokenizer.encode(prefix + text).getIds().length;
    }

    /** Summarizes {@code text} (cut at {@link #maxInputTokens()}) in at most {@code maxNewTokens} tokens. */
    String generate(String text, int maxNewTokens) {
        long[] ids = tokenizer.encode(prefix + text).getIds();
        if (ids.length > maxInputTokens) {
            ids = Arrays.copyOf(ids, maxInputTokens);
        }
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1);
        long[] shape = {1, ids.length};
        List<Long> out = new ArrayList<>();
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OrtSession.Result encoded = encoder.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor));
                CachedDecoder step = new CachedDecoder(env, decoder, pastDecoder, layers, heads, headDim, Map.of(
                        "encoder_hidden_states", (OnnxTensor) encoded.get("last_hidden_state").orElseThrow(),
                        "encoder_attention_mask", maskTensor))) {
            long[] next = {startToken};
            for (int i = 0; i < maxNewTokens; i++) {
                long token = CachedDecoder.argmax(step.next(next));
                if (token == endToken) {
                    break;
                }
                out.add(token);
                next = new long[] {token};
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the summarization model failed: " + e.getMessage(), e);
        }
        return tokenizer.decode(out.stream().mapToLong(Long::longValue).toArray(), true).strip();
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            encoder.close();
            decoder.close();
            if (pastDecoder != decoder) {
                pastDecoder.close();
            }
        } catch (OrtException e) {
            // closing on the way out
        }
    }

    private static JsonNode read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
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
