package dev.tubebatch.webhook;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Email addresses from input, checked before they reach a message: one address each, in RFC 822 form, and no line
 * break or other control character anywhere (so none can add a header). Refusals name the field.
 */
final class MailAddresses {

    static final int MAX_LENGTH = 320;

    private MailAddresses() {}

    /** A recipient: a bare address ({@code name@example.org}), stripped. @throws IllegalArgumentException */
    static String recipient(String text, String field) {
        String address = checked(text, field);
        InternetAddress parsed = parse(address, field);
        if (parsed.getPersonal() != null || !parsed.getAddress().equals(address)) {
            throw new IllegalArgumentException(field + ": only the address, like name@example.org");
        }
        return address;
    }

    /** A sender: an address, optionally with a name ({@code tubebatch <tb@example.org>}). */
    static String sender(String text, String field) {
        String address = checked(text, field);
        parse(address, field);
        return address;
    }

    private static String checked(String text, String field) {
        String address = text == null ? "" : text.strip();
        if (address.isEmpty()) {
            throw new IllegalArgumentException(field + ": an email address is needed");
        }
        if (address.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": at most " + MAX_LENGTH + " characters");
        }
        if (address.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + ": no line breaks or other control characters");
        }
        return address;
    }

    private static InternetAddress parse(String address, String field) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            int at = parsed.getAddress().lastIndexOf('@');
            if (at <= 0 || at == parsed.getAddress().length() - 1) {
                throw new AddressException("no domain");
            }
            return parsed;
        } catch (AddressException e) {
            throw new IllegalArgumentException(field + ": not an email address (like name@example.org)", e);
        }
    }
}
