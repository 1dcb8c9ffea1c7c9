package dev.tubebatch.pipeline;

import dev.tubebatch.batch.StepOutcome;

/** How a step ended, with a note for people (what was found, or why the step had nothing to do). */
record StepResult(StepOutcome outcome, String note) {

    static StepResult done(String note) {
        return new StepResult(StepOutcome.DONE, note);
    }

    static StepResult skipped(String why) {
        return new StepResult(StepOutcome.SKIPPED, why);
    }
}
