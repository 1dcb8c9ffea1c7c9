package dev.tubebatch.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One generation with an optimum decoder: the "merged" one ({@code use_cache_branch}, {@code past_key_values.N.decoder|encoder
 * .key|value} in, {@code logits} and {@code present.*} out): the first call feeds the prompt with empty caches, later
 * calls one token with the decoder's cache of the call before and the encoder's cache of the first; or the older
 * pair, {@code decoder_model.onnx} for the first call and {@code decoder_with_past_model.onnx} for the others. Each
 * session is given only the inputs it declares. Results are closed as soon as nothing points into them. The
 * optimum models ({@link EncoderDecoderModel}) and the bundled Moonshine all decode through it.
 */
public final class CachedDecoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession firstSession;
    private final OrtSession laterSession;
    private final Map<String, OnnxTensor> fixed;
    private final OnnxTensor emptyCache;
    private final OnnxTensor first;
    private final OnnxTensor cached;
    private final Map<String, OnnxTensor> past = new HashMap<>();
    private OrtSession.@Nullable Result firstResult;
    private OrtSession.@Nullable Result previous;
    private boolean started;

    /**
     * @param firstSession the merged decoder, or {@code decoder_model.onnx}
     * @param laterSession the merged decoder again, or {@code decoder_with_past_model.onnx}
     * @param fixed inputs given unchanged to every call (encoder_hidden_states, encoder_attention_mask)
     */
    public CachedDecoder(OrtEnvironment env, OrtSession firstSession, OrtSession laterSession, int layers, int heads,
            int headDim, Map<String, OnnxTensor> fixed) throws OrtException {
        this.env = env;
        this.firstSession = firstSession;
        this.laterSession = laterSession;
        this.fixed = fixed;
        this.emptyCache = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
        this.first = OnnxTensor.createTensor(env, new boolean[] {false});
        this.cached = OnnxTensor.createTensor(env, new boolean[] {true});
        for (int layer = 0; layer < layers; layer++) {
            for (String part : List.of("decoder", "encoder")) {
                for (String kind : List.of("key", "value")) {
                    past.put("past_key_values." + layer + "." + part + "." + kind, emptyCache);
                }
            }
        }
    }

    /** Feeds {@code ids} and gives the logits after the last of them. */
    float[] next(long[] ids) throws OrtException {
        boolean isFirst = !started;
        started = true;
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length})) {
            Map<String, OnnxTensor> inputs = new HashMap<>(past);
            inputs.putAll(fixed);
            inputs.put("input_ids", input);
            inputs.put("use_cache_branch", isFirst ? first : cached);
            OrtSession session = isFirst ? firstSession : laterSession;
            inputs.keySet().retainAll(session.getInputNames());
            OrtSession.Result result = session.run(inputs);
            OnnxTensor logits = (OnnxTensor) result.get("logits").orElseThrow();
            int vocab = (int) logits.getInfo().getShape()[2];
            FloatBuffer buffer = logits.getFloatBuffer();
            float[] last = new float[vocab];
            buffer.position(buffer.limit() - vocab);
            buffer.get(last);
            for (Map.Entry<String, OnnxValue> output : result) {
                String name = output.getKey();
                if (name.startsWith("present.") && (isFirst || name.contains(".decoder."))) {
                    past.put("past_key_values." + name.substring("present.".length()), (OnnxTensor) output.getValue());
                }
            }
            if (isFirst) {
                firstResult = result;
            } else {
                if (previous != null) {
                    previous.close();
                }
                previous = result;
            }
            return last;
        }
    }

    /**
     * Greedy decoding: feeds {@code prompt}, then each most likely token, until {@code endToken} (left out) or
     * {@code limit} tokens.
     */
    public List<Long> greedy(long[] prompt, int limit, long endToken) throws OrtException {
        List<Long> out = new ArrayList<>();
        long[] next = prompt;
        for (int i = 0; i < limit; i++) {
            long token = argmax(next(next));
            if (token == endToken) {
                break;
            }
            out.add(token);
            next = new long[] {token};
        }
        return out;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
        }
        if (firstResult != null) {
            firstResult.close();
        }
        emptyCache.close();
        first.close();
        cached.close();
    }
}
