package dev.tubebatch.batch;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one broadcaster of progress in this JVM. Views subscribe when attached and close the subscription when
 * detached; jobs publish after each change is committed. A slow or failing listener never blocks a job: listeners
 * must hand work off (views do it with {@code UI.access}).
 */
@Component
public class BatchEvents {

    private static final Logger log = LoggerFactory.getLogger(BatchEvents.class);

    private final CopyOnWriteArrayList<Consumer<BatchChange>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener; closing the returned handle removes it. */
    public Subscription subscribe(Consumer<BatchChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(BatchChange change) {
        for (Consumer<BatchChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A progress listener failed on {}", change, e);
            }
        }
    }

    int listenerCount() {
        return listeners.size();
    }

    /** A registered listener; {@link #close()} unregisters it and never throws. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
