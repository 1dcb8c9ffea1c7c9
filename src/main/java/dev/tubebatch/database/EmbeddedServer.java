package dev.tubebatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts the embedded PostgreSQL as a server that keeps what it acknowledged and lets in only who knows the
 * password. Settings it gets on top of the library's:
 * <ul>
 *   <li>durable: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on. The library starts
 *       PostgreSQL with {@code -F} (fsync off) and {@code synchronous_commit=off}; its {@code -c} settings come
 *       after {@code -F} on the command line, and the later one wins;
 *   <li>TCP on 127.0.0.1 only, and no Unix socket;
 *   <li>a new cluster is made with the password and SCRAM rules from the start: the library's initdb call takes
 *       extra {@code --name=value} options through {@code setLocaleConfig}, so {@code --pwfile} reads the password
 *       file and {@code --auth-host}/{@code --auth-local} override its {@code -A trust}. The server never runs
 *       without a password, so there is no moment at which another user could connect;
 *   <li>an older cluster (trust, no password) first learns its password ({@link PasswordUpgrade}).
 * </ul>
 */
final class EmbeddedServer {

    static final String SUPERUSER = "postgres";
    static final String SCRAM = "scram-sha-256";

    private EmbeddedServer() {}

    static EmbeddedPostgres start(EmbeddedDatabaseProperties properties, DatabasePassword password)
            throws IOException {
        Path data = properties.dataDirectory();
        boolean initdb = properties.clean() || !Files.exists(data.resolve("postgresql.conf"));
        if (!initdb && (password.created() || !AccessRules.passwordOnly(data))) {
            PasswordUpgrade.run(properties, password);
        }
        return builder(properties, password)
                .setDataDirectoryCustomizer(dir -> AccessRules.write(dir.toPath(), AccessRules.PASSWORD_ONLY))
                .start();
    }

    /** The settings of every start, the password upgrade's included. */
    static EmbeddedPostgres.Builder builder(EmbeddedDatabaseProperties properties, DatabasePassword password) {
        String on = properties.durable() ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(properties.clean())
                // No JVM shutdown hook of its own: that one runs alongside Spring's and stopped PostgreSQL while
                // JobRunr and the pool were still closing. Spring closes this bean, after those (ShutdownOrder).
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("pwfile", properties.passwordFile().toAbsolutePath().toString())
                .setLocaleConfig("auth-host", SCRAM)
                .setLocaleConfig("auth-local", SCRAM)
                .setServerConfig("fsync", on)
                .setServerConfig("synchronous_commit", on)
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // pg_ctl hands these to a shell: '' is an empty value, so no Unix socket at all.
                .setServerConfig("unix_socket_directories", "''")
                // The library's own readiness check connects as the superuser.
                .setConnectConfig("password", password.value());
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        return builder;
    }
}
