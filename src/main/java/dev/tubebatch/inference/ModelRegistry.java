package dev.tubebatch.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every model of the process, loaded once and shared by all threads (ONNX Runtime sessions run concurrently).
 * A model is loaded on first use or, with {@code tubebatch.inference.load=eager}, by {@link #loadAll()} at start.
 * {@link #models()} tells what is loaded and the memory its weights take, for the System view and health; a model
 * that is configured but whose files are not there is recorded with {@link #missing} and shown as missing.
 */
public final class ModelRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

    /**
     * A registered model: its name, where it comes from, whether it is loaded, its weights in bytes, load time, and,
     * for a configured model whose files are not there, why it cannot load (null otherwise).
     */
    public record ModelInfo(String name, String source, boolean loaded, long bytes, Duration loadTime,
            @Nullable String missing) {}

    private final Map<String, Handle<?>> handles = new ConcurrentHashMap<>();
    private final Map<String, ModelInfo> missing = new ConcurrentHashMap<>();
    private final ExecutionProviders providers;

    public ModelRegistry(ExecutionProviders providers) {
        this.providers = providers;
    }

    public ExecutionProviders providers() {
        return providers;
    }

    /** Registers a model once under its name; a second registration of the name gives the first handle. */
    @SuppressWarnings("unchecked")
    public <T extends AutoCloseable> Handle<T> register(String name, String source, Supplier<T> loader,
            ToLongFunction<T> bytes) {
        return (Handle<T>) handles.computeIfAbsent(name, n -> new Handle<>(n, source, loader, bytes));
    }

    /** Records a configured model that cannot load because its files are not there; logged once, as a warning. */
    public void missing(String name, String source, String why) {
        if (missing.putIfAbsent(name, new ModelInfo(name, source, false, 0, Duration.ZERO, why)) == null) {
            log.warn("Model {} is configured but missing from {}: {}", name, source, why);
        }
    }

    public void loadAll() {
        handles.values().forEach(Handle::get);
    }

    public List<ModelInfo> models() {
        List<ModelInfo> out = new ArrayList<>();
        handles.values().forEach(h -> out.add(h.info()));
        missing.values().stream().filter(m -> !handles.containsKey(m.name())).forEach(out::add);
        out.sort(java.util.Comparator.comparing(ModelInfo::name));
        return out;
    }

    /** The weights of the loaded models, in bytes. */
    public long loadedBytes() {
        return models().stream().filter(ModelInfo::loaded).mapToLong(ModelInfo::bytes).sum();
    }

    @Override
    public void close() {
        handles.values().forEach(Handle::close);
    }

    /** Gives the loaded model, loading it on the first call; concurrent first calls load it once. */
    public static final class Handle<T extends AutoCloseable> implements Supplier<T> {
        private final String name;
        private final String source;
        private final Supplier<T> loader;
        private final ToLongFunction<T> bytes;
        private volatile @Nullable T model;
        private volatile Duration loadTime = Duration.ZERO;

        private Handle(String name, String source, Supplier<T> loader, ToLongFunction<T> bytes) {
            this.name = name;
            this.source = source;
            this.loader = loader;
            this.bytes = bytes;
        }

        @Override
        public T get() {
            T loaded = model;
            if (loaded != null) {
                return loaded;
            }
            synchronized (this) {
                if (model == null) {
                    long started = System.nanoTime();
                    model = loader.get();
                    loadTime = Duration.ofNanos(System.nanoTime() - started);
                    log.info("Loaded model {} from {} in {} ms ({} MB of weights)", name, source,
                            loadTime.toMillis(), bytes.applyAsLong(model) >> 20);
                }
                return model;
            }
        }

        ModelInfo info() {
            T loaded = model;
            return new ModelInfo(name, source, loaded != null, loaded == null ? 0 : bytes.applyAsLong(loaded),
                    loadTime, null);
        }

        synchronized void close() {
            if (model != null) {
                try {
                    model.close();
                } catch (Exception e) {
                    log.warn("Closing model {} failed: {}", name, e.getMessage());
                }
                model = null;
            }
        }
    }
}
