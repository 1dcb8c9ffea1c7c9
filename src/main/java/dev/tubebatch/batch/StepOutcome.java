package dev.tubebatch.batch;

/** How a finished step ended: it did its work, or it had nothing to do (the note says why). */
public enum StepOutcome {
    DONE,
    SKIPPED
}
