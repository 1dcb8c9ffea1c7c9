package dev.tubebatch.security;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users from configuration (read-only in the app; most users are stored in PostgreSQL instead), the limits on
 * password guessing, and how often a signed-in session is checked against its user. Passwords are stored hashed,
 * in Spring Security's {@code {bcrypt}...} form.
 *
 * @param sessionCheck how often a browser session is checked against its stored user (removed, or password or
 *     roles changed: the session ends); default 5 seconds
 */
@ConfigurationProperties("tubebatch.security")
public record SecurityProperties(List<User> users, Logins logins, Duration sessionCheck) {

    public SecurityProperties(@Nullable List<User> users, @Nullable Logins logins, @Nullable Duration sessionCheck) {
        this.users = users == null ? List.of() : List.copyOf(users);
        this.logins = logins == null ? Logins.DEFAULTS : logins;
        this.sessionCheck = sessionCheck == null ? Duration.ofSeconds(5) : sessionCheck;
        for (int i = 0; i < this.users.size(); i++) {
            User user = this.users.get(i);
            String field = property(i);
            if (user.username() == null || user.username().isBlank()) {
                throw new IllegalArgumentException(field + ".username is missing");
            }
            if (user.password() == null || !user.password().startsWith("{")) {
                throw new IllegalArgumentException(field + ".password must be a hash such as {bcrypt}$2a$...");
            }
            for (String role : user.roles()) {
                if (!Roles.isKnown(role)) {
                    throw new IllegalArgumentException(field + ".roles: unknown role " + role
                            + " (known: VIEWER, OPERATOR, ADMIN)");
                }
            }
        }
    }

    /** The name of the i-th configured user's settings, for messages. */
    static String property(int index) {
        return "tubebatch.security.users[" + index + "]";
    }

    /** A user: name, hashed password, roles. */
    public record User(String username, String password, List<String> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Password guessing: after {@code userFailures} failed sign-ins for one user name, or {@code addressFailures}
     * from one address, within {@code window}, sign-ins are refused for {@code firstLock}, doubling with each
     * further failure up to {@code longestLock}.
     */
    public record Logins(int userFailures, int addressFailures, Duration window, Duration firstLock,
            Duration longestLock) {

        static final Logins DEFAULTS = new Logins(5, 20, Duration.ofMinutes(15), Duration.ofMinutes(1),
                Duration.ofMinutes(15));

        public Logins(int userFailures, int addressFailures, @Nullable Duration window, @Nullable Duration firstLock,
                @Nullable Duration longestLock) {
            this.userFailures = userFailures > 0 ? userFailures : 5;
            this.addressFailures = addressFailures > 0 ? addressFailures : 20;
            this.window = window == null ? Duration.ofMinutes(15) : window;
            this.firstLock = firstLock == null ? Duration.ofMinutes(1) : firstLock;
            this.longestLock = longestLock == null ? Duration.ofMinutes(15) : longestLock;
        }
    }
}
