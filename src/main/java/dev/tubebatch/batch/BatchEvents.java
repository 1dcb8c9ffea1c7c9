package dev.tubebatch.batch;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one broadcaster of progress in this JVM, and the bridge's entry for changes made on other nodes. Views subscribe when attached and close the subscription when
 * detached; a change is published where it is made, and this JVM's listeners hear it once it is committed. A slow or
 * failing listener never blocks a job: listeners must hand work off (views do it with {@code UI.access}).
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

    /** Sends this node's changes on to the other nodes (the cluster package's PostgreSQL NOTIFY bridge). */
    private volatile Consumer<BatchChange> otherNodes = change -> { };

    /**
     * A change made in this JVM, told to this JVM's listeners and to the other nodes. Inside a transaction the other
     * nodes are told within it: a PostgreSQL {@code NOTIFY} is delivered exactly when the transaction commits, so a
     * node killed right after its commit has still told them (told after the commit, that change never reached
     * them), and a failure to tell them fails the change; this JVM's listeners hear it after the commit. Outside a
     * transaction both are told at once, and a failure to tell the other nodes is only logged.
     */
    public void publish(BatchChange change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            otherNodes.accept(change);
            AfterCommit.run(() -> deliverLocally(change));
        } else {
            AfterCommit.run(() -> {
                deliverLocally(change);
                tellOtherNodes(change);
            });
        }
    }

    private void tellOtherNodes(BatchChange change) {
        try {
            otherNodes.accept(change);
        } catch (RuntimeException e) {
            log.warn("Could not tell other nodes about {}", change, e);
        }
    }

    /** A change another node made: told to this JVM's listeners only. */
    public void deliverLocally(BatchChange change) {
        for (Consumer<BatchChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A progress listener failed on {}", change, e);
            }
        }
    }

    /** Where this node's changes go for the other nodes; one forwarder per JVM. */
    public void forwardToOtherNodes(Consumer<BatchChange> forwarder) {
        this.otherNodes = forwarder;
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
