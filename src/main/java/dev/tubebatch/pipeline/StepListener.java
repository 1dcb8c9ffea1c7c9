package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Step;
import java.util.UUID;

/**
 * Told after each step of an item is recorded. An exception thrown here fails the try like a step's failure
 * would, after the checkpoint: that is how tests stand in for a crash between two steps.
 */
public interface StepListener {
    void stepRecorded(UUID itemId, Step step);
}
