package dev.tubebatch.webhook;

import jakarta.mail.MessagingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailSendException;

/**
 * Why an email try failed, as the delivery log shows it: the SMTP server's reply code and text when it answered one,
 * otherwise the messages of the failure (a refused connection, a timeout). A 5xx reply is permanent and not retried;
 * a 4xx reply and every failure without a reply are. The SMTP password, should any text carry it, is masked.
 */
record MailFailure(@Nullable Integer code, String error, boolean retryable) {

    static final int MAX_ERROR_LENGTH = 500;
    private static final int MAX_CAUSES = 20;
    private static final Pattern REPLY = Pattern.compile("\\s*([45]\\d\\d)(?:[ -]|$)");

    static MailFailure of(Exception failure, @Nullable String password) {
        List<Throwable> causes = causes(failure);
        for (Throwable cause : causes) {
            Integer code = replyCode(cause);
            if (code != null) {
                return new MailFailure(code, masked("SMTP " + MailText.oneLine(String.valueOf(cause.getMessage())),
                        password), code < 500);
            }
        }
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable cause = failure; cause != null && messages.size() < 3; cause = cause.getCause()) {
            messages.add(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : MailText.oneLine(cause.getMessage()));
        }
        return new MailFailure(null, masked(String.join(": ", messages), password), true);
    }

    /** Every exception the failure holds: causes, the next exceptions of JavaMail, each failed message's. */
    private static List<Throwable> causes(Exception failure) {
        List<Throwable> seen = new ArrayList<>();
        Deque<Throwable> queue = new ArrayDeque<>(List.of(failure));
        while (!queue.isEmpty() && seen.size() < MAX_CAUSES) {
            Throwable next = queue.removeFirst();
            if (seen.contains(next)) {
                continue;
            }
            seen.add(next);
            if (next.getCause() != null) {
                queue.addLast(next.getCause());
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                queue.addLast(messaging.getNextException());
            }
            if (next instanceof MailSendException send) {
                queue.addAll(send.getFailedMessages().values());
            }
        }
        return seen;
    }

    /**
     * The reply code of a JavaMail exception that carries the server's reply (JavaMail's SMTP exceptions have the
     * reply as their message, such as {@code 451 4.3.0 Try again later}).
     */
    private static @Nullable Integer replyCode(Throwable cause) {
        if (!(cause instanceof MessagingException) || cause.getMessage() == null) {
            return null;
        }
        Matcher reply = REPLY.matcher(cause.getMessage());
        return reply.lookingAt() ? Integer.valueOf(reply.group(1)) : null;
    }

    private static String masked(String error, @Nullable String password) {
        String text = password == null || password.isEmpty() ? error : error.replace(password, "********");
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }
}
