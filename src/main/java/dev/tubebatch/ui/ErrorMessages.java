package dev.tubebatch.ui;

import dev.tubebatch.batch.BatchStateException;
import dev.tubebatch.batch.NoSuchBatchException;
import dev.tubebatch.intake.InputTooLargeException;
import dev.tubebatch.intake.PreviewsBusyException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/**
 * What a user reads when something in a view fails. An expected refusal (bad input, the batch's state, a missing
 * role, a busy node) says its own sentence. Anything else is a fault the user cannot fix from its text: it is
 * logged with a short id, and the user is told what to do and given the id, never a class name or stack text.
 */
final class ErrorMessages {

    private static final Logger log = LoggerFactory.getLogger(ErrorMessages.class);

    /** Text that comes from a JVM or library rather than from us: a class name, a stack line, several lines. */
    private static final Pattern NOT_FOR_USERS = Pattern.compile(
            "(?s).*(\\w(Exception|Error)\\b|\\b[a-z]\\w*\\.[a-z]\\w*\\.[A-Z]\\w*|\\sat\\s[\\w$.]+\\(|[\\r\\n]).*");

    private ErrorMessages() {}

    /** The sentence to show for {@code error}; an unexpected error is logged here, with the id the sentence gives. */
    static String forUser(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                log.info("Refused in a view: {}", cause.getMessage());
                return "Your account may not do this. Ask an administrator if you need it.";
            }
            String own = refusal(cause);
            if (own != null) {
                log.info("Refused in a view: {}", own);
                return own;
            }
        }
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        log.error("Unexpected error in a view, error id {}", id, error);
        return "This did not work. Reload the page and try again; if it fails again, give your administrator"
                + " the error id " + id + ".";
    }

    /** The message of an expected refusal, if it reads as a sentence for a user. */
    private static @Nullable String refusal(Throwable error) {
        boolean expected = error instanceof IllegalArgumentException || error instanceof InputTooLargeException
                || error instanceof PreviewsBusyException || error instanceof BatchStateException
                || error instanceof NoSuchBatchException;
        String message = error.getMessage();
        return expected && message != null && !message.isBlank() && !NOT_FOR_USERS.matcher(message).matches()
                ? message : null;
    }
}
