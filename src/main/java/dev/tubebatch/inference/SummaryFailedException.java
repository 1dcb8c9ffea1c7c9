package dev.tubebatch.inference;

/**
 * A summarizer could not make a summary. {@code retryable}: the cause may pass (the model's server was busy,
 * down or slow), so the summary should be tried again later; otherwise it will not pass by waiting (a refused key,
 * an unknown model). The message never holds a secret.
 */
public class SummaryFailedException extends RuntimeException {

    private final boolean retryable;

    public SummaryFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
