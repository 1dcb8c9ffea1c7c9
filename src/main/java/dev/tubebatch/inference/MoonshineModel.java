package dev.tubebatch.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Moonshine tiny (English speech to text) on ONNX Runtime: the encoder reads raw 16 kHz samples, the merged decoder
 * generates tokens greedily with its key/value cache, from the start token 1 to the end token 2, at most six tokens
 * a second of audio. Sessions are shared: {@link #transcribe} may be called from several threads at once.
 */
public final class MoonshineModel implements AutoCloseable, MoonshineSpeechToText.PieceTranscriber {

    /** The bundled model, fetched at build time (see src/build/fetch-moonshine.sh). */
    public static final ModelSource BUNDLED = ModelSource.classpath("models/moonshine-tiny");

    static final String ENCODER = "encoder_model.onnx";
    static final String DECODER = "decoder_model_merged.onnx";
    static final String VOCABULARY = "vocab.txt";

    private static final int LAYERS = 6;
    private static final int HEADS = 8;
    private static final int HEAD_DIM = 36;
    private static final long START = 1;
    private static final long END = 2;
    /** Moonshine's own cap: about six tokens a second of audio. */
    private static final double TOKENS_PER_SECOND = 6;

    private final OrtEnvironment env;
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final LlamaVocabulary vocabulary;
    private final long bytes;

    private MoonshineModel(OrtEnvironment env, OrtSession encoder, OrtSession decoder, LlamaVocabulary vocabulary,
            long bytes) {
        this.env = env;
        this.encoder = encoder;
        this.decoder = decoder;
        this.vocabulary = vocabulary;
        this.bytes = bytes;
    }

    public static boolean isPresent(ModelSource source) {
        return source.has(ENCODER) && source.has(DECODER) && source.has(VOCABULARY);
    }

    public static MoonshineModel load(ModelSource source, ExecutionProviders providers) {
        if (!isPresent(source)) {
            throw new IllegalStateException("The Moonshine model is not in " + source.describe() + " (needs " + ENCODER
                    + ", " + DECODER + ", " + VOCABULARY + "); a build without npm leaves it out");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] encoderBytes = source.read(ENCODER);
        byte[] decoderBytes = source.read(DECODER);
        OrtSession encoder = null;
        try (OrtSession.SessionOptions options = providers.options()) {
            encoder = env.createSession(encoderBytes, options);
            OrtSession decoder = env.createSession(decoderBytes, options);
            LlamaVocabulary vocabulary;
            try (var in = source.open(VOCABULARY)) {
                vocabulary = LlamaVocabulary.read(in);
            }
            return new MoonshineModel(env, encoder, decoder, vocabulary,
                    (long) encoderBytes.length + decoderBytes.length);
        } catch (OrtException e) {
            closeQuietly(encoder);
            throw new IllegalStateException("cannot load Moonshine from " + source.describe() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(encoder);
            throw new UncheckedIOException(e);
        }
    }

    /** The size of the model files: what the loaded weights take, roughly. */
    public long modelBytes() {
        return bytes;
    }

    /** The text spoken in {@code samples} (16 kHz mono), or "" when the model hears nothing. */
    @Override
    public String transcribe(float[] samples) {
        return vocabulary.decode(generate(samples));
    }

    List<Integer> generate(float[] samples) {
        if (samples.length < PcmAudio.SAMPLE_RATE / 10) {
            return List.of(); // under 100 ms the encoder has no frames to give
        }
        int maxTokens = Math.max(4, (int) (samples.length / (double) PcmAudio.SAMPLE_RATE * TOKENS_PER_SECOND));
        List<Integer> tokens = new ArrayList<>();
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(samples), new long[] {1, samples.length});
                OrtSession.Result encoded = encoder.run(Map.of("input_values", input));
                OnnxTensor emptyCache = OnnxTensor.createTensor(env, FloatBuffer.allocate(0),
                        new long[] {1, HEADS, 0, HEAD_DIM});
                OnnxTensor first = OnnxTensor.createTensor(env, new boolean[] {false});
                OnnxTensor cached = OnnxTensor.createTensor(env, new boolean[] {true})) {
            OnnxTensor hidden = (OnnxTensor) encoded.get("last_hidden_state").orElseThrow();
            Map<String, OnnxTensor> past = new HashMap<>();
            for (int layer = 0; layer < LAYERS; layer++) {
                for (String part : List.of("decoder", "encoder")) {
                    for (String kind : List.of("key", "value")) {
                        past.put("past_key_values." + layer + "." + part + "." + kind, emptyCache);
                    }
                }
            }
            OrtSession.Result firstResult = null; // holds the encoder's keys and values for every later step
            OrtSession.Result previous = null;    // holds the decoder's keys and values of the step before
            long next = START;
            try {
                for (int step = 0; step < maxTokens; step++) {
                    try (OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {next}),
                            new long[] {1, 1})) {
                        Map<String, OnnxTensor> inputs = new HashMap<>(past);
                        inputs.put("input_ids", ids);
                        inputs.put("encoder_hidden_states", hidden);
                        inputs.put("use_cache_branch", step == 0 ? first : cached);
                        OrtSession.Result result = decoder.run(inputs);
                        next = argmaxOfLast((OnnxTensor) result.get("logits").orElseThrow());
                        for (Map.Entry<String, OnnxValue> output : result) {
                            String name = output.getKey();
                            if (name.startsWith("present.") && (step == 0 || name.contains(".decoder."))) {
                                past.put("past_key_values." + name.substring("present.".length()),
                                        (OnnxTensor) output.getValue());
                            }
                        }
                        if (step == 0) {
                            firstResult = result;
                        } else {
                            if (previous != null) {
                                previous.close();
                            }
                            previous = result;
                        }
                    }
                    if (next == END) {
                        break;
                    }
                    tokens.add((int) next);
                }
            } finally {
                if (previous != null) {
                    previous.close();
                }
                if (firstResult != null) {
                    firstResult.close();
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Moonshine failed on " + samples.length + " samples: " + e.getMessage(), e);
        }
        return tokens;
    }

    private static long argmaxOfLast(OnnxTensor logits) {
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[2];
        FloatBuffer values = logits.getFloatBuffer();
        int offset = values.limit() - vocab;
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            float v = values.get(offset + i);
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        closeQuietly(encoder);
        closeQuietly(decoder);
    }

    private static void closeQuietly(@Nullable OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // closing on the way out: nothing left to do
            }
        }
    }
}
