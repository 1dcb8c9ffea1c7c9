package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Step;

/**
 * One step of a video's job. A step may run again after a crash between its work and its checkpoint, so its
 * stored results must be written idempotently (upserts, files replaced whole).
 */
abstract class PipelineStep {

    private final Step step;

    PipelineStep(Step step) {
        this.step = step;
    }

    final Step step() {
        return step;
    }

    /** Does the step's work; throws {@link PipelineException} (or the tool's exception) on failure. */
    abstract StepResult run(ItemContext context);
}
