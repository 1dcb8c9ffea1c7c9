package dev.tubebatch.intake;

/**
 * Every preview place of this node is taken ({@link IntakeLimits#previewConcurrency()}); nothing was started. Asking
 * again once a running preview ends will do: this is a moment's refusal, not a fault of the input.
 */
public class PreviewsBusyException extends IllegalStateException {
    PreviewsBusyException() {
        super("Too many previews are running; try again in a moment.");
    }
}
