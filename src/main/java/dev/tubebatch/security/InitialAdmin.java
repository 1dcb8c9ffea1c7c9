package dev.tubebatch.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first start of an installation: with no user configured and none stored, creates {@code admin} with every
 * role and a random password, stores only its hash and prints the password once on the console (standard output,
 * not the log, so that it does not end up in log files). Nodes that start at once race on the same insert; only the
 * node whose insert wins prints.
 */
@Component
@ConditionalOnWebApplication
class InitialAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final String LINE_START = "Initial admin password: ";
    private static final int LENGTH = 20;
    /** Letters and digits that cannot be mistaken for one another when read off a console. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final SecurityProperties properties;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    InitialAdmin(SecurityProperties properties, JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoUsers().ifPresent(password -> {
            log.warn("Created the first user '{}' with every role; its password is printed on the console once",
                    USERNAME);
            System.out.println(LINE_START + password + "  (user '" + USERNAME + "'; sign in and change it under your "
                    + "name > Change password. It is not shown again.)");
            System.out.flush();
        });
    }

    /** The new admin's password when this call created it; empty when a user exists or is configured. */
    Optional<String> createIfNoUsers() {
        if (!properties.users().isEmpty()) {
            return Optional.empty();
        }
        String password = newPassword();
        int inserted = jdbc.sql("""
                insert into app_user (username, password_hash, roles, created_at, created_by)
                select :username, :hash, :roles, :now, 'first start'
                where not exists (select 1 from app_user)
                on conflict (username) do nothing""")
                .param("username", USERNAME)
                .param("hash", encoder.encode(password))
                .param("roles", String.join(",", Roles.withImplied(java.util.List.of(Roles.ADMIN))))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return inserted == 1 ? Optional.of(password) : Optional.empty();
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
