package dev.tubebatch.batch;

import java.util.Locale;

/** What a batch does when a video fails for good. */
public enum OnErrorPolicy {
    /** Record the failure and go on with the other videos. */
    CONTINUE,
    /** The first permanent failure stops the batch: nothing new starts. */
    STOP,
    /** After the rest of the batch, failed videos get one more round. */
    RETRY;

    /** Parses {@code continue|stop|retry} in any case; the message names the accepted values. */
    public static OnErrorPolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("on-error must be one of continue, stop, retry; got '" + value + "'");
        }
    }
}
