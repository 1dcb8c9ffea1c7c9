package dev.tubebatch.cli;

import org.jspecify.annotations.Nullable;

/** A command line that cannot be run; the message names the flag at fault. Exit code 2. */
public final class UsageException extends RuntimeException {

    private final String flag;

    UsageException(String flag, @Nullable String message) {
        super(flag + ": " + message);
        this.flag = flag;
    }

    /** The offending flag, or the positional argument, as the user typed it. */
    public String flag() {
        return flag;
    }
}
