package dev.tubebatch.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Email notifications. Mail itself is Spring Boot's ({@code spring.mail.host}, {@code port}, {@code username},
 * {@code password}, {@code properties.*}); without {@code spring.mail.host} email is off.
 *
 * @param from the sender of every message (an address, optionally with a name: {@code tubebatch <tb@example.org>})
 */
@ConfigurationProperties("tubebatch.mail")
public record MailSettings(String from) {

    public MailSettings {
        from = from == null || from.isBlank() ? "tubebatch@localhost"
                : MailAddresses.sender(from, "tubebatch.mail.from");
    }
}
