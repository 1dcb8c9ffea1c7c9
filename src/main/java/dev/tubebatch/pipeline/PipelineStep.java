package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Step;

/**
 * One step of a video's job. A step may run again after a crash between its work and its checkpoint, so its
 * stored results must be written idempotently (upserts, files replaced whole).
 */
interface PipelineStep {

    Step step();

    /** Does the step's work; throws {@link PipelineException} (or the tool's exception) on failure. */
    StepResult run(ItemContext context);
}
