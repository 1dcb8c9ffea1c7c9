package dev.tubebatch.security;

/**
 * A change to the users that the current state forbids: the name is taken, the user is configured (read-only), it
 * would remove the last admin, or an admin would remove themselves. An {@link IllegalStateException}, so that views
 * show its message as it is.
 */
public class AccountConflictException extends IllegalStateException {

    public AccountConflictException(String message) {
        super(message);
    }
}
