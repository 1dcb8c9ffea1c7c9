package dev.tubebatch.batch;

import java.util.UUID;

/** Thrown when a batch id names no stored batch. */
public class NoSuchBatchException extends RuntimeException {
    public NoSuchBatchException(UUID id) {
        super("No batch with id " + id);
    }
}
