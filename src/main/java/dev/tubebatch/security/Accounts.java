package dev.tubebatch.security;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users stored in PostgreSQL: admins add and remove them and set their roles and passwords; every user changes
 * their own password. Configured users are listed but read-only. There is always an admin left, and no admin
 * removes themselves. Passwords are checked here, hashed with bcrypt, and never returned or logged.
 */
@Service
@ConditionalOnWebApplication
public class Accounts {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused instead. */
    static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    private final UserDirectory directory;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Accounts(UserDirectory directory, JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A user as listed: never a password or its hash. Configured users have no creation time. */
    public record Account(String username, List<String> roles, boolean configured, @Nullable Instant createdAt,
            @Nullable String createdBy) {}

    /** Every user, configured and stored, by name. */
    public List<Account> list() {
        List<Account> accounts = new ArrayList<>();
        directory.configured().values().forEach(user -> accounts.add(
                new Account(user.username(), Roles.withImplied(user.roles()), true, null, null)));
        jdbc.sql("select username, roles, created_at, created_by from app_user").query((rs, row) -> new Account(
                        rs.getString("username"), List.of(rs.getString("roles").split(",")), false,
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .list().stream().filter(account -> !directory.isConfigured(account.username()))
                .forEach(accounts::add);
        accounts.sort(Comparator.comparing(Account::username));
        return accounts;
    }

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException naming the field when the name, the password or a role is not acceptable
     * @throws AccountConflictException when the name is taken
     */
    public Account create(@Nullable String username, @Nullable String password, @Nullable Collection<String> roles,
            String createdBy) {
        String name = checkedUsername(username);
        String hash = hash(checkedPassword("password", password));
        List<String> granted = Roles.granted(roles);
        if (directory.isConfigured(name)) {
            throw new AccountConflictException("A user named '" + name + "' is configured in the settings.");
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                insert into app_user (username, password_hash, roles, created_at, created_by)
                values (:username, :hash, :roles, :now, :createdBy)
                on conflict (username) do nothing""")
                .param("username", name).param("hash", hash).param("roles", String.join(",", granted))
                .param("now", Timestamp.from(now)).param("createdBy", createdBy)
                .update();
        if (inserted == 0) {
            throw new AccountConflictException("A user named '" + name + "' exists already.");
        }
        return new Account(name, granted, false, now, createdBy);
    }

    /**
     * An admin sets another user's roles, password or both (null leaves it as it is).
     *
     * @throws AccountConflictException when it would take the last admin's role or the caller's own
     */
    @Transactional
    public Account update(String username, @Nullable Collection<String> roles, @Nullable String password,
            String actor) {
        if (roles == null && password == null) {
            throw new IllegalArgumentException("roles: give new roles, a new password or both");
        }
        UserDirectory.StoredUser user = storedForChange(username);
        List<String> granted = roles == null ? user.roles() : Roles.granted(roles);
        String hash = password == null ? user.passwordHash() : hash(checkedPassword("password", password));
        if (user.roles().contains(Roles.ADMIN) && !granted.contains(Roles.ADMIN)) {
            if (username.equals(actor)) {
                throw new AccountConflictException("You cannot take the ADMIN role from yourself.");
            }
            keepAnotherAdmin(username);
        }
        jdbc.sql("update app_user set roles = :roles, password_hash = :hash where username = :username")
                .param("roles", String.join(",", granted)).param("hash", hash).param("username", username)
                .update();
        return account(username);
    }

    /** An admin removes a user, never themselves nor the last admin. */
    @Transactional
    public void delete(String username, String actor) {
        UserDirectory.StoredUser user = storedForChange(username);
        if (username.equals(actor)) {
            throw new AccountConflictException("You cannot delete yourself.");
        }
        if (user.roles().contains(Roles.ADMIN)) {
            keepAnotherAdmin(username);
        }
        jdbc.sql("delete from app_user where username = :username").param("username", username).update();
    }

    /**
     * A signed-in user changes their own password, giving the current one.
     *
     * @throws IllegalArgumentException naming the field ({@code current} or {@code password})
     */
    public void changeOwnPassword(String username, @Nullable String current, @Nullable String password) {
        UserDirectory.StoredUser user = storedForChange(username);
        if (current == null || !encoder.matches(current, user.passwordHash())) {
            throw new IllegalArgumentException("current: this is not your current password");
        }
        String hash = hash(checkedPassword("password", password));
        jdbc.sql("update app_user set password_hash = :hash where username = :username")
                .param("hash", hash).param("username", username).update();
    }

    /** A stored user that may be changed: not a configured one. */
    private UserDirectory.StoredUser storedForChange(String username) {
        if (directory.isConfigured(username)) {
            throw new AccountConflictException("'" + username + "' is configured in the settings "
                    + "(tubebatch.security.users); change it there.");
        }
        return directory.stored(username).orElseThrow(() -> new NoSuchAccountException(username));
    }

    /**
     * Refuses to take the admin role from {@code leaving} when no other admin would be left. The stored admins are
     * locked until the transaction ends, so two admins removing each other at once cannot both succeed.
     */
    private void keepAnotherAdmin(String leaving) {
        boolean configuredAdmin = directory.configured().values().stream()
                .anyMatch(user -> user.roles().contains(Roles.ADMIN));
        List<String> admins = jdbc.sql("""
                select username from app_user where 'ADMIN' = any(string_to_array(roles, ',')) for update""")
                .query((rs, row) -> rs.getString("username")).list();
        if (!configuredAdmin && admins.stream().noneMatch(admin -> !admin.equals(leaving))) {
            throw new AccountConflictException("'" + leaving + "' is the last admin; make another user an admin "
                    + "first.");
        }
    }

    private Account account(String username) {
        return list().stream().filter(account -> account.username().equals(username)).findFirst()
                .orElseThrow(() -> new NoSuchAccountException(username));
    }

    private String hash(String password) {
        String hash = encoder.encode(password);
        if (hash == null) {
            throw new IllegalStateException("The password encoder gave no hash");
        }
        return hash;
    }

    static String checkedUsername(@Nullable String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("username: 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        return name;
    }

    static String checkedPassword(String field, @Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(field + ": at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException(field + ": at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.isBlank()) {
            throw new IllegalArgumentException(field + ": not only spaces");
        }
        return password;
    }
}
