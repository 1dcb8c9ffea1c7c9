package dev.tubebatch.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an existing cluster its superuser password: one from an older version (trust for everyone, no password),
 * or one whose password file was lost. PostgreSQL starts once with TCP asking for a password the superuser does not
 * have yet (so no one gets in that way) and the superuser trusted only over a Unix socket in a new folder that only
 * this user may enter (mode 700, socket mode 700). The password is set over that socket, as a SCRAM verifier
 * computed here (neither the password nor a statement holding it reaches the server's log), and the server stops;
 * the normal start that follows writes the password-only rules. Nothing stored is touched.
 */
final class PasswordUpgrade {

    private static final Logger log = LoggerFactory.getLogger(PasswordUpgrade.class);

    private PasswordUpgrade() {}

    static void run(EmbeddedDatabaseProperties properties, DatabasePassword password) throws IOException {
        log.info("Setting a password on the embedded PostgreSQL in {} (password file {})",
                properties.dataDirectory().toAbsolutePath(), properties.passwordFile().toAbsolutePath());
        // A short path: a Unix socket's path is limited to about 100 bytes, which a data folder (or macOS's temporary
        // folder) may exceed.
        Path shortTemp = Path.of("/tmp");
        Path socketFolder = Files.createTempDirectory(Files.isDirectory(shortTemp) ? shortTemp
                        : Path.of(System.getProperty("java.io.tmpdir")), "tbpg",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        String folder = socketFolder.toAbsolutePath().toString();
        if (folder.contains("'")) {
            throw new IOException("the temporary folder " + folder + " has a quote in its name");
        }
        try (EmbeddedPostgres postgres = EmbeddedServer.builder(properties, password)
                .setCleanDataDirectory(false)
                .setServerConfig("unix_socket_directories", "'" + folder + "'")
                .setServerConfig("unix_socket_permissions", "0700")
                .setConnectConfig("socketFactory", UnixSocketFactory.class.getName())
                .setConnectConfig("socketFactoryArg", folder)
                .setDataDirectoryCustomizer(dir -> AccessRules.write(dir.toPath(), AccessRules.SETTING_THE_PASSWORD))
                .start();
                Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.unwrap(PGConnection.class).alterUserPassword(EmbeddedServer.SUPERUSER,
                    password.value().toCharArray(), EmbeddedServer.SCRAM);
        } catch (SQLException e) {
            throw new IOException("could not set the embedded PostgreSQL's password", e);
        } finally {
            deleteTree(socketFolder);
        }
        AccessRules.write(properties.dataDirectory(), AccessRules.PASSWORD_ONLY);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
