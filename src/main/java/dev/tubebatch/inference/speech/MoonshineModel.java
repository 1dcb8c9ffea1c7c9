package dev.tubebatch.inference.speech;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tubebatch.inference.CachedDecoder;
import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.ModelSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Moonshine tiny (English speech to text) on ONNX Runtime: the encoder reads raw 16 kHz samples, the merged decoder
 * generates tokens greedily with its key/value cache ({@link CachedDecoder}), from the start token 1 to the end token
 * 2, at most six tokens a second of audio. Sessions are shared: {@link #transcribe} may be called from several
 * threads at once.
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
        // Options of its own for each session: a profiled run (the GPU check) writes one profile file per options.
        try (OrtSession.SessionOptions encoderOptions = providers.options();
                OrtSession.SessionOptions decoderOptions = providers.options()) {
            encoder = env.createSession(encoderBytes, encoderOptions);
            OrtSession decoder = env.createSession(decoderBytes, decoderOptions);
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
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(samples), new long[] {1, samples.length});
                OrtSession.Result encoded = encoder.run(Map.of("input_values", input));
                CachedDecoder step = new CachedDecoder(env, decoder, decoder, LAYERS, HEADS, HEAD_DIM, Map.of(
                        "encoder_hidden_states", (OnnxTensor) encoded.get("last_hidden_state").orElseThrow()))) {
            return step.greedy(new long[] {START}, maxTokens, END).stream().map(Long::intValue).toList();
        } catch (OrtException e) {
            throw new IllegalStateException("Moonshine failed on " + samples.length + " samples: " + e.getMessage(), e);
        }
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
