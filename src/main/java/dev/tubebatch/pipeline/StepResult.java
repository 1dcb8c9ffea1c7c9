package dev.tubebatch.pipeline;

import dev.tubebatch.batch.StepOutcome;
import org.jspecify.annotations.Nullable;

/** How a step ended, with a note for people (what was found, or why the step had nothing to do). */
record StepResult(StepOutcome outcome, @Nullable String note) {

    static StepResult done(@Nullable String note) {
        return new StepResult(StepOutcome.DONE, note);
    }

    static StepResult skipped(String why) {
        return new StepResult(StepOutcome.SKIPPED, why);
    }
}
