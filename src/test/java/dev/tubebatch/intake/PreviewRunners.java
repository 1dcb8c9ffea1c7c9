package dev.tubebatch.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** Test access to a {@link PreviewRunner}: its places with another executor, and all of its places taken at once. */
public final class PreviewRunners {

    private PreviewRunners() {}

    /** The runner's places, with previews run by {@code executor} (a direct one runs them on the test's thread). */
    public static PreviewRunner on(PreviewRunner runner, Executor executor) {
        return runner.on(executor);
    }

    /**
     * Takes every place of the runner with previews that are started but held back, as if that many users were
     * previewing long channels; cancelling them gives the places back.
     */
    public static List<PreviewRunner.Running> takeAllPlaces(PreviewRunner runner) {
        PreviewRunner held = runner.on(task -> { });
        List<PreviewRunner.Running> running = new ArrayList<>();
        for (int i = 0; i < runner.limit(); i++) {
            running.add(held.start(PreviewRequest.ofText("dQw4w9WgXcQ"), outcome -> { }));
        }
        return running;
    }
}
