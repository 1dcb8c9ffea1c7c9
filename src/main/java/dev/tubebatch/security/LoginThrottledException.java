package dev.tubebatch.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused without looking at the password, because of too many failed ones before it. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait, at least one: what a Retry-After header and the login page say. */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
