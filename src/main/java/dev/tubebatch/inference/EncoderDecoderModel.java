package dev.tubebatch.inference;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model exported by Hugging Face optimum as an encoder and a decoder: {@code encoder_model.onnx}, then
 * {@code decoder_model_merged.onnx} or the older pair {@code decoder_model.onnx} +
 * {@code decoder_with_past_model.onnx}, and {@code tokenizer.json}. Loads them, decodes greedily with the decoder's
 * key/value cache ({@link CachedDecoder}) and closes them; subclasses read their own config and feed their own
 * encoder. Sessions are shared: decoding may run on several threads at once.
 */
public abstract class EncoderDecoderModel implements AutoCloseable {

    protected static final String ENCODER = "encoder_model.onnx";
    protected static final String DECODER = "decoder_model_merged.onnx";
    protected static final String FIRST_DECODER = "decoder_model.onnx";
    protected static final String PAST_DECODER = "decoder_with_past_model.onnx";
    protected static final String TOKENIZER = "tokenizer.json";
    protected static final String CONFIG = "config.json";
    protected static final String GENERATION = "generation_config.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The decoder's key/value cache: per layer, {@code heads} × {@code headDim}. */
    public record DecoderShape(int layers, int heads, int headDim) {}

    /** Opens a model once its files are known to be there. */
    @FunctionalInterface
    protected interface Opener<T> {
        T open() throws IOException, OrtException;
    }

    private final OrtEnvironment env;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final OrtSession pastDecoder;
    private final HuggingFaceTokenizer tokenizer;
    private final DecoderShape shape;
    private final long bytes;

    protected EncoderDecoderModel(Path folder, ExecutionProviders providers, DecoderShape shape)
            throws IOException, OrtException {
        this.shape = shape;
        this.env = OrtEnvironment.getEnvironment();
        byte[] encoderBytes = Files.readAllBytes(folder.resolve(ENCODER));
        boolean merged = Files.isRegularFile(folder.resolve(DECODER));
        byte[] decoderBytes = Files.readAllBytes(folder.resolve(merged ? DECODER : FIRST_DECODER));
        byte[] pastBytes = merged ? new byte[0] : Files.readAllBytes(folder.resolve(PAST_DECODER));
        try (OrtSession.SessionOptions options = providers.options()) {
            this.encoder = env.createSession(encoderBytes, options);
            this.decoder = env.createSession(decoderBytes, options);
            this.pastDecoder = merged ? decoder : env.createSession(pastBytes, options);
        }
        try (InputStream json = Files.newInputStream(folder.resolve(TOKENIZER))) {
            // Inputs are cut by the model that encodes them, or only decoded: no padding, no silent truncation.
            this.tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation",
                    "false"));
        }
        this.bytes = (long) encoderBytes.length + decoderBytes.length + pastBytes.length;
    }

    /**
     * Opens the model in {@code folder} with {@code opener}, or refuses naming every file in {@code missing}.
     *
     * @param what the model in words, e.g. "Whisper model", for the messages
     */
    protected static <T> T load(String what, Path folder, List<String> missing, Opener<T> opener) {
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " folder "
                    + folder + " lacks " + String.join(", ", missing));
        }
        try {
            return opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " in " + folder, e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the " + what + " in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Those of {@code files} that are not in {@code folder}, in the order given. */
    protected static List<String> missingFiles(Path folder, String... files) {
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                missing.add(file);
            }
        }
        return missing;
    }

    /** Nothing when a merged decoder or both files of the older pair are there, else what to add. */
    protected static List<String> missingDecoder(Path folder) {
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

    protected static JsonNode readJson(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The size of the model files: what the loaded weights take, roughly. */
    public long modelBytes() {
        return bytes;
    }

    protected OrtEnvironment env() {
        return env;
    }

    protected HuggingFaceTokenizer tokenizer() {
        return tokenizer;
    }

    /** Runs the encoder; the caller closes the result once decoding is done. */
    protected OrtSession.Result encode(Map<String, OnnxTensor> inputs) throws OrtException {
        return encoder.run(inputs);
    }

    /**
     * The logits after {@code prompt}, one decoder call.
     *
     * @param fixed what every decoder call is given unchanged: {@code encoder_hidden_states}, and
     *     {@code encoder_attention_mask} where the model takes one
     */
    protected float[] logitsAfter(Map<String, OnnxTensor> fixed, long[] prompt) throws OrtException {
        try (CachedDecoder step = new CachedDecoder(env, decoder, pastDecoder, shape.layers(), shape.heads(),
                shape.headDim(), fixed)) {
            return step.next(prompt);
        }
    }

    /** Greedy decoding after {@code prompt}: at most {@code limit} tokens, up to (without) {@code endToken}. */
    protected List<Long> greedy(Map<String, OnnxTensor> fixed, long[] prompt, int limit, long endToken)
            throws OrtException {
        try (CachedDecoder step = new CachedDecoder(env, decoder, pastDecoder, shape.layers(), shape.heads(),
                shape.headDim(), fixed)) {
            return step.greedy(prompt, limit, endToken);
        }
    }

    /** The text of {@code ids}, special tokens left out. */
    protected String decodeText(List<Long> ids) {
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
}
