package dev.tubebatch.batch;

/**
 * Thrown when a batch's state does not allow an action (a cancelled batch cannot be retried): the caller asked at
 * the wrong moment, nothing is broken. The message names the state and the rule.
 */
public class BatchStateException extends IllegalStateException {
    public BatchStateException(BatchStatus status, String rule) {
        super("The batch is " + status + "; " + rule + ".");
    }
}
