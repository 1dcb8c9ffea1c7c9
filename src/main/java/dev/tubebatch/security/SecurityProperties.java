package dev.tubebatch.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users of the app, from configuration. Passwords are stored hashed, in Spring Security's
 * {@code {bcrypt}...} form.
 */
@ConfigurationProperties("tubebatch.security")
public record SecurityProperties(List<User> users) {

    private static final Set<String> KNOWN_ROLES = Set.of(Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN);

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        for (int i = 0; i < users.size(); i++) {
            User user = users.get(i);
            String field = "tubebatch.security.users[" + i + "]";
            if (user.username() == null || user.username().isBlank()) {
                throw new IllegalArgumentException(field + ".username is missing");
            }
            if (user.password() == null || !user.password().startsWith("{")) {
                throw new IllegalArgumentException(field + ".password must be a hash such as {bcrypt}$2a$...");
            }
            for (String role : user.roles()) {
                if (!KNOWN_ROLES.contains(role)) {
                    throw new IllegalArgumentException(field + ".roles: unknown role " + role
                            + " (known: VIEWER, OPERATOR, ADMIN)");
                }
            }
        }
    }

    /** A user: name, hashed password, roles. */
    public record User(String username, String password, List<String> roles) {
        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
