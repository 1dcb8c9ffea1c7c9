package dev.tubebatch.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Whisper model exported by Hugging Face optimum: {@code encoder_model.onnx}, {@code decoder_model_merged.onnx},
 * {@code tokenizer.json}, {@code config.json}, {@code generation_config.json}, {@code preprocessor_config.json}.
 * One call transcribes one window of at most 30 s: log-mel features, the encoder, then greedy decoding from
 * {@code <|startoftranscript|> <|lang|> <|task|>} with timestamps; the language is detected when not given.
 * The older two-file decoder layout, {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}, works too.
 */
public final class WhisperModel implements AutoCloseable {

    static final String ENCODER = "encoder_model.onnx";
    static final String DECODER = "decoder_model_merged.onnx";
    static final String FIRST_DECODER = "decoder_model.onnx";
    static final String PAST_DECODER = "decoder_with_past_model.onnx";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A piece of one window, times in seconds from the window's start. */
    record Piece(double start, double end, String text) {}

    /** What one window gave: its language code and its pieces. */
    record Window(String language, List<Piece> pieces) {}

    private final OrtEnvironment env;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final OrtSession pastDecoder;
    private final HuggingFaceTokenizer tokenizer;
    private final WhisperFeatures features;
    private final int layers;
    private final int heads;
    private final int headDim;
    private final long startToken;
    private final long endToken;
    private final long noTimestamps;
    private final int maxLength;
    private final Map<String, Long> languages; // "en" -> <|en|>
    private final long transcribeToken;
    private final long bytes;

    private WhisperModel(Path folder, ExecutionProviders providers) throws IOException, OrtException {
        JsonNode config = read(folder, "config.json");
        JsonNode generation = read(folder, "generation_config.json");
        int mels = required(config, "num_mel_bins", "config.json").asInt();
        this.layers = required(config, "decoder_layers", "config.json").asInt();
        this.heads = required(config, "decoder_attention_heads", "config.json").asInt();
        this.headDim = required(config, "d_model", "config.json").asInt() / heads;
        this.startToken = required(generation, "decoder_start_token_id", "generation_config.json").asLong();
        this.endToken = eos(generation);
        this.noTimestamps = required(generation, "no_timestamps_token_id", "generation_config.json").asLong();
        this.maxLength = generation.path("max_length").asInt(448);
        this.languages = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : required(generation, "lang_to_id", "generation_config.json")
                .properties()) {
            String code = entry.getKey().replace("<|", "").replace("|>", "");
            languages.put(code, entry.getValue().asLong());
        }
        this.transcribeToken = required(required(generation, "task_to_id", "generation_config.json"), "transcribe",
                "generation_config.json task_to_id").asLong();
        JsonNode preprocessor = read(folder, "preprocessor_config.json");
        int featureSize = preprocessor.path("feature_size").asInt(mels);
        if (featureSize != mels) {
            throw new IllegalArgumentException("preprocessor_config.json feature_size " + featureSize
                    + " differs from config.json num_mel_bins " + mels);
        }
        this.features = new WhisperFeatures(mels);
        this.env = OrtEnvironment.getEnvironment();
        byte[] encoderBytes = Files.readAllBytes(folder.resolve(ENCODER));
        boolean merged = Files.isRegularFile(folder.resolve(DECODER));
        byte[] decoderBytes = Files.readAllBytes(folder.resolve(merged ? DECODER : FIRST_DECODER));
        byte[] pastBytes = merged ? null : Files.readAllBytes(folder.resolve(PAST_DECODER));
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
        this.bytes = (long) encoderBytes.length + decoderBytes.length + (pastBytes == null ? 0 : pastBytes.length);
    }

    /** Loads the model in {@code folder}; every missing file is named. */
    public static WhisperModel load(Path folder, ExecutionProviders providers) {
        List<String> missing = new ArrayList<>();
        for (String file : List.of(ENCODER, "tokenizer.json", "config.json", "generation_config.json",
                "preprocessor_config.json")) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        missing.addAll(missingDecoder(folder));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Whisper model folder " + folder + " lacks " + String.join(", ",
                    missing));
        }
        try {
            return new WhisperModel(folder, providers);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Whisper model in " + folder, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Whisper model in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Nothing when a merged decoder or both files of the older pair are there, else what to add. */
    static List<String> missingDecoder(Path folder) {
        if (Files.isRegularFile(folder.resolve(DECODER))) {
            return List.of();
        }
        boolean first = Files.isRegularFile(folder.resolve(FIRST_DECODER));
        boolean past = Files.isRegularFile(folder.resolve(PAST_DECODER));
        if (first && past) {
            return List.of();
        }
        if (first) {
            return List.of(PAST_DECODER + " (next to " + FIRST_DECODER + "), or " + DECODER);
        }
        if (past) {
            return List.of(FIRST_DECODER + " (next to " + PAST_DECODER + "), or " + DECODER);
        }
        return List.of(DECODER + " (or " + FIRST_DECODER + " and " + PAST_DECODER + ")");
    }

    public long modelBytes() {
        return bytes;
    }

    float[] features(float[] samples) {
        return features.compute(samples);
    }

    /**
     * Transcribes one window (at most 30 s of 16 kHz samples).
     *
     * @param language a code from the model's {@code lang_to_id} ("en", "de"), or null to detect it
     */
    Window transcribe(float[] samples, @Nullable String language) {
        float[] mel = features.compute(samples);
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(mel),
                new long[] {1, features.mels(), WhisperFeatures.FRAMES});
                OrtSession.Result encoded = encoder.run(Map.of("input_features", input))) {
            OnnxTensor hidden = (OnnxTensor) encoded.get("last_hidden_state").orElseThrow();
            String code = language == null ? detectLanguage(hidden) : language.toLowerCase(Locale.ROOT);
            Long languageToken = languages.get(code);
            if (code == null || languageToken == null) {
                throw new IllegalArgumentException("language '" + code + "' is not one of the model's: "
                        + languages.keySet());
            }
            List<Long> tokens = decode(hidden, new long[] {startToken, languageToken, transcribeToken});
            return new Window(code, pieces(tokens, samples.length / (double) WhisperFeatures.SAMPLE_RATE));
        } catch (OrtException e) {
            throw new IllegalStateException("Whisper failed on " + samples.length + " samples: " + e.getMessage(), e);
        }
    }

    private @Nullable String detectLanguage(OnnxTensor hidden) throws OrtException {
        float[] logits = lastLogits(hidden, new long[] {startToken});
        String best = null;
        float max = Float.NEGATIVE_INFINITY;
        for (Map.Entry<String, Long> entry : languages.entrySet()) {
            float value = logits[entry.getValue().intValue()];
            if (value > max) {
                max = value;
                best = entry.getKey();
            }
        }
        return best;
    }

    private float[] lastLogits(OnnxTensor hidden, long[] prompt) throws OrtException {
        try (CachedDecoder step = decoderFor(hidden)) {
            return step.next(prompt);
        }
    }

    private CachedDecoder decoderFor(OnnxTensor hidden) throws OrtException {
        return new CachedDecoder(env, decoder, pastDecoder, layers, heads, headDim,
                Map.of("encoder_hidden_states", hidden));
    }

    private List<Long> decode(OnnxTensor hidden, long[] prompt) throws OrtException {
        List<Long> out = new ArrayList<>();
        int limit = Math.max(1, Math.min(224, maxLength - prompt.length));
        try (CachedDecoder step = decoderFor(hidden)) {
            long[] next = prompt;
            for (int i = 0; i < limit; i++) {
                long token = CachedDecoder.argmax(step.next(next));
                if (token == endToken) {
                    break;
                }
                out.add(token);
                next = new long[] {token};
            }
        }
        return out;
    }

    /** Timestamp tokens come right after {@code <|notimestamps|>}, one every 0.02 s. */
    List<Piece> pieces(List<Long> tokens, double seconds) {
        long first = noTimestamps + 1;
        List<Piece> pieces = new ArrayList<>();
        List<Long> text = new ArrayList<>();
        double start = -1;
        for (long token : tokens) {
            if (token >= first) {
                double time = (token - first) * 0.02;
                if (start >= 0 && !text.isEmpty()) {
                    pieces.add(new Piece(start, Math.max(start, Math.min(time, seconds)), decodeText(text)));
                    text.clear();
                }
                start = time;
            } else if (token != noTimestamps && !isSpecial(token)) {
                text.add(token);
            }
        }
        if (!text.isEmpty()) { // text without a closing timestamp runs to the window's end
            double from = Math.max(0, start);
            pieces.add(new Piece(from, Math.max(from, seconds), decodeText(text)));
        }
        pieces.removeIf(p -> p.text().isBlank());
        return pieces;
    }

    private boolean isSpecial(long token) {
        return token == startToken || token == endToken || token == transcribeToken
                || languages.containsValue(token);
    }

    private String decodeText(List<Long> ids) {
        return tokenizer.decode(ids.stream().mapToLong(Long::longValue).toArray(), true).strip();
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

    private static JsonNode read(Path folder, String file) throws IOException {
        try (InputStream in = Files.newInputStream(folder.resolve(file))) {
            return JSON.readTree(in);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(folder.resolve(file) + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": missing field '" + field + "'");
        }
        return value;
    }

    private static long eos(JsonNode generation) {
        JsonNode eos = required(generation, "eos_token_id", "generation_config.json");
        return eos.isArray() ? eos.get(0).asLong() : eos.asLong();
    }
}
