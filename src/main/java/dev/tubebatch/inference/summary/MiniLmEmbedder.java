package dev.tubebatch.inference.summary;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.tubebatch.inference.ExecutionProviders;
import dev.tubebatch.inference.ModelSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Sentence embeddings with all-MiniLM-L6-v2 (quantized), whose ONNX file and tokenizer ride in the langchain4j jar;
 * our own session runs it: token ids from DJL's Hugging Face tokenizer, mean pooling over the attention mask, unit
 * length. Sentences are embedded in batches of similar length so padding stays short.
 */
public final class MiniLmEmbedder implements AutoCloseable {

    public static final ModelSource BUNDLED = ModelSource.classpath("");
    static final String MODEL = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSIONS = 384;
    private static final int MAX_TOKENS = 128;
    private static final int BATCH = 32;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final long bytes;

    private MiniLmEmbedder(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tokenizer, long bytes) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.bytes = bytes;
    }

    public static boolean isPresent(ModelSource source) {
        return source.has(MODEL) && source.has(TOKENIZER);
    }

    public static MiniLmEmbedder load(ModelSource source, ExecutionProviders providers) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model = source.read(MODEL);
        try (OrtSession.SessionOptions options = providers.options(); InputStream json = source.open(TOKENIZER)) {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", Integer.toString(MAX_TOKENS)));
            return new MiniLmEmbedder(env, env.createSession(model, options), tokenizer, model.length);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load MiniLM from " + source.describe() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read MiniLM's tokenizer from " + source.describe(), e);
        }
    }

    public long modelBytes() {
        return bytes;
    }

    /** One unit-length vector of {@value #DIMENSIONS} numbers per sentence, in the order given. */
    public float[][] embed(List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        Encoding[] encodings = tokenizer.batchEncode(sentences.toArray(String[]::new));
        Integer[] order = IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length)).toArray(Integer[]::new);
        for (int from = 0; from < order.length; from += BATCH) {
            int to = Math.min(order.length, from + BATCH);
            embedBatch(encodings, order, from, to, out);
        }
        return out;
    }

    private void embedBatch(Encoding[] encodings, Integer[] order, int from, int to, float[][] out) {
        int rows = to - from;
        int length = 1;
        for (int r = from; r < to; r++) {
            length = Math.max(length, encodings[order[r]].getIds().length);
        }
        long[] ids = new long[rows * length];
        long[] mask = new long[rows * length];
        long[] types = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            Encoding e = encodings[order[from + r]];
            long[] tokenIds = e.getIds();
            long[] attention = e.getAttentionMask();
            long[] typeIds = e.getTypeIds();
            System.arraycopy(tokenIds, 0, ids, r * length, tokenIds.length);
            System.arraycopy(attention, 0, mask, r * length, attention.length);
            System.arraycopy(typeIds, 0, types, r * length, typeIds.length);
        }
        long[] shape = {rows, length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                        "token_type_ids", typeTensor))) {
            FloatBuffer hidden = ((OnnxTensor) result.get("last_hidden_state").orElseThrow()).getFloatBuffer();
            for (int r = 0; r < rows; r++) {
                float[] vector = new float[DIMENSIONS];
                int count = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[r * length + t] == 0) {
                        continue;
                    }
                    count++;
                    int base = (r * length + t) * DIMENSIONS;
                    for (int d = 0; d < DIMENSIONS; d++) {
                        vector[d] += hidden.get(base + d);
                    }
                }
                double norm = 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    vector[d] /= Math.max(1, count);
                    norm += vector[d] * vector[d];
                }
                float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
                for (int d = 0; d < DIMENSIONS; d++) {
                    vector[d] *= scale;
                }
                out[order[from + r]] = vector;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("MiniLM failed on a batch of " + rows + " sentences: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            // closing on the way out
        }
    }
}
