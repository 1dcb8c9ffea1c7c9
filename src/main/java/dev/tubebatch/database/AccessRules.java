package dev.tubebatch.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Who may connect to the embedded PostgreSQL ({@code pg_hba.conf}), written at every start so that a data folder
 * from an older version, or one edited by hand, gets the same rules: password (SCRAM) connections over loopback
 * TCP and nothing else. The server makes no Unix socket in normal runs; the local rule is there should one appear.
 */
final class AccessRules {

    static final String FILE = "pg_hba.conf";

    static final String PASSWORD_ONLY = """
            # Written by tubebatch at each start of its embedded PostgreSQL: password (SCRAM) connections over
            # loopback TCP only. The password is in the file beside this data folder, readable by its owner alone.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    /**
     * While a database from an older version learns its password: the superuser without a password over a Unix
     * socket in a folder only this user can enter; over TCP, everyone is asked for a password that does not exist
     * yet, so no one else gets in.
     */
    static final String SETTING_THE_PASSWORD = """
            # Written by tubebatch while it sets the superuser's password; replaced right after.
            local   all   postgres             trust
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private AccessRules() {}

    /** Whether this data folder already has the password-only rules (and so a superuser with a password). */
    static boolean passwordOnly(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(PASSWORD_ONLY);
    }

    static void write(Path dataDirectory, String rules) {
        try {
            Files.writeString(dataDirectory.resolve(FILE), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not write " + dataDirectory.resolve(FILE), e);
        }
    }
}
