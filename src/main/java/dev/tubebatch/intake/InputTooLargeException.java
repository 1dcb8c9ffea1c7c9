package dev.tubebatch.intake;

/** The whole input is over a limit; nothing of it is used. The message names the limit and the size found. */
public class InputTooLargeException extends RuntimeException {
    public InputTooLargeException(String message) {
        super(message);
    }
}
