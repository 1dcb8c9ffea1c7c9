package dev.tubebatch.inference.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tubebatch.inference.EncoderDecoderModel;
import dev.tubebatch.inference.ExecutionProviders;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Whisper model exported by Hugging Face optimum: {@code encoder_model.onnx}, {@code decoder_model_merged.onnx},
 * {@code tokenizer.json}, {@code config.json}, {@code generation_config.json}, {@code preprocessor_config.json}.
 * One call transcribes one window of at most 30 s: log-mel features, the encoder, then greedy decoding from
 * {@code <|startoftranscript|> <|lang|> <|task|>} with timestamps; the language is detected when not given.
 * The older two-file decoder layout, {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}, works too.
 */
public final class WhisperModel extends EncoderDecoderModel {

    private static final String PREPROCESSOR = "preprocessor_config.json";

    /** A piece of one window, times in seconds from the window's start. */
    record Piece(double start, double end, String text) {}

    /** What one window gave: its language code and its pieces. */
    record Window(String language, List<Piece> pieces) {}

    /** What the three config files say, read and checked before any session is made. */
    private record Settings(int mels, DecoderShape shape, long startToken, long endToken, long noTimestamps,
            int maxLength, Map<String, Long> languages, long transcribeToken) {

        static Settings read(Path folder) throws IOException {
            JsonNode config = readJson(folder.resolve(CONFIG));
            JsonNode generation = readJson(folder.resolve(GENERATION));
            int mels = required(config, "num_mel_bins", CONFIG).asInt();
            int layers = required(config, "decoder_layers", CONFIG).asInt();
            int heads = required(config, "decoder_attention_heads", CONFIG).asInt();
            int headDim = required(config, "d_model", CONFIG).asInt() / heads;
            long startToken = required(generation, "decoder_start_token_id", GENERATION).asLong();
            long endToken = eos(generation);
            long noTimestamps = required(generation, "no_timestamps_token_id", GENERATION).asLong();
            int maxLength = generation.path("max_length").asInt(448);
            Map<String, Long> languages = new LinkedHashMap<>(); // "en" -> <|en|>
            for (Map.Entry<String, JsonNode> entry : required(generation, "lang_to_id", GENERATION).properties()) {
                String code = entry.getKey().replace("<|", "").replace("|>", "");
                languages.put(code, entry.getValue().asLong());
            }
            long transcribeToken = required(required(generation, "task_to_id", GENERATION), "transcribe",
                    GENERATION + " task_to_id").asLong();
            JsonNode preprocessor = readJson(folder.resolve(PREPROCESSOR));
            int featureSize = preprocessor.path("feature_size").asInt(mels);
            if (featureSize != mels) {
                throw new IllegalArgumentException(PREPROCESSOR + " feature_size " + featureSize + " differs from "
                        + CONFIG + " num_mel_bins " + mels);
            }
            return new Settings(mels, new DecoderShape(layers, heads, headDim), startToken, endToken, noTimestamps,
                    maxLength, languages, transcribeToken);
        }
    }

    private final WhisperFeatures features;
    private final long startToken;
    private final long endToken;
    private final long noTimestamps;
    private final int maxLength;
    private final Map<String, Long> languages; // "en" -> <|en|>
    private final long transcribeToken;

    private WhisperModel(Path folder, ExecutionProviders providers, Settings settings)
            throws IOException, OrtException {
        super(folder, providers, settings.shape());
        this.features = new WhisperFeatures(settings.mels());
        this.startToken = settings.startToken();
        this.endToken = settings.endToken();
        this.noTimestamps = settings.noTimestamps();
        this.maxLength = settings.maxLength();
        this.languages = settings.languages();
        this.transcribeToken = settings.transcribeToken();
    }

    /** The files the model needs that {@code folder} lacks; empty when it is complete. */
    public static List<String> missingFiles(Path folder) {
        List<String> missing = missingFiles(folder, ENCODER, TOKENIZER, CONFIG, GENERATION, PREPROCESSOR);
        missing.addAll(missingDecoder(folder));
        return missing;
    }

    /** Loads the model in {@code folder}; every missing file is named. */
    public static WhisperModel load(Path folder, ExecutionProviders providers) {
        return load("Whisper model", folder, missingFiles(folder),
                () -> new WhisperModel(folder, providers, Settings.read(folder)));
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
        try (OnnxTensor input = OnnxTensor.createTensor(env(), FloatBuffer.wrap(mel),
                new long[] {1, features.mels(), WhisperFeatures.FRAMES});
                OrtSession.Result encoded = encode(Map.of("input_features", input))) {
            OnnxTensor hidden = (OnnxTensor) encoded.get("last_hidden_state").orElseThrow();
            String code = language == null ? detectLanguage(hidden) : language.toLowerCase(Locale.ROOT);
            Long languageToken = languages.get(code);
            if (languageToken == null) {
                throw new IllegalArgumentException("language '" + code + "' is not one of the model's: "
                        + languages.keySet());
            }
            long[] prompt = {startToken, languageToken, transcribeToken};
            int limit = Math.max(1, Math.min(224, maxLength - prompt.length));
            List<Long> tokens = greedy(Map.of("encoder_hidden_states", hidden), prompt, limit, endToken);
            return new Window(code, pieces(tokens, samples.length / (double) WhisperFeatures.SAMPLE_RATE));
        } catch (OrtException e) {
            throw new IllegalStateException("Whisper failed on " + samples.length + " samples: " + e.getMessage(), e);
        }
    }

    private String detectLanguage(OnnxTensor hidden) throws OrtException {
        float[] logits = logitsAfter(Map.of("encoder_hidden_states", hidden), new long[] {startToken});
        String best = null;
        float max = Float.NEGATIVE_INFINITY;
        for (Map.Entry<String, Long> entry : languages.entrySet()) {
            float value = logits[entry.getValue().intValue()];
            if (value > max) {
                max = value;
                best = entry.getKey();
            }
        }
        if (best == null) {
            throw new IllegalStateException("the Whisper model lists no languages (lang_to_id)");
        }
        return best;
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

    private static JsonNode required(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(file + ": missing field '" + field + "'");
        }
        return value;
    }

    private static long eos(JsonNode generation) {
        JsonNode eos = required(generation, "eos_token_id", GENERATION);
        return eos.isArray() ? eos.get(0).asLong() : eos.asLong();
    }
}
