package dev.tubebatch.security;

/** There is no user with the name given. */
public class NoSuchAccountException extends RuntimeException {

    public NoSuchAccountException(String username) {
        super("No user named '" + username + "'.");
    }
}
