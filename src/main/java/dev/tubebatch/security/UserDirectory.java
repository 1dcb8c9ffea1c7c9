package dev.tubebatch.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Who may sign in: the users from configuration (read-only; they win over a stored user of the same name) and the
 * users stored in PostgreSQL. Read on every sign-in, so a user created or removed on one node counts on all.
 */
final class UserDirectory implements UserDetailsService {

    /** A stored user as sign-in needs it: the hash and the roles (with the implied ones). */
    record StoredUser(String username, String passwordHash, List<String> roles) {}

    private final Map<String, SecurityProperties.User> configured = new LinkedHashMap<>();
    private final JdbcClient jdbc;

    UserDirectory(SecurityProperties properties, JdbcClient jdbc) {
        for (SecurityProperties.User user : properties.users()) {
            configured.put(user.username(), user);
        }
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        SecurityProperties.User fromSettings = configured.get(username);
        if (fromSettings != null) {
            return User.withUsername(fromSettings.username()).password(fromSettings.password())
                    .roles(fromSettings.roles().toArray(String[]::new)).build();
        }
        StoredUser stored = stored(username)
                .orElseThrow(() -> new UsernameNotFoundException("No user with this name"));
        return User.withUsername(stored.username()).password(stored.passwordHash())
                .roles(stored.roles().toArray(String[]::new)).build();
    }

    /**
     * A digest of what signing in as {@code username} means now (its password hash and roles), or empty when no
     * such user exists any more: a session compares it with the one it signed in with ({@link SessionCheck}).
     */
    Optional<String> stamp(String username) {
        SecurityProperties.User fromSettings = configured.get(username);
        if (fromSettings != null) {
            return Optional.of(digest(fromSettings.password() + "|" + String.join(",", fromSettings.roles())));
        }
        return stored(username).map(user -> digest(user.passwordHash() + "|" + String.join(",", user.roles())));
    }

    private static String digest(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    boolean isConfigured(String username) {
        return configured.containsKey(username);
    }

    Map<String, SecurityProperties.User> configured() {
        return configured;
    }

    Optional<StoredUser> stored(String username) {
        return jdbc.sql("select username, password_hash, roles from app_user where username = :username")
                .param("username", username)
                .query((rs, row) -> new StoredUser(rs.getString("username"), rs.getString("password_hash"),
                        List.of(rs.getString("roles").split(","))))
                .optional();
    }
}
