package dev.tubebatch.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL as the app starts it, without Spring: durable settings, loopback TCP only, a password
 * that only the password file gives, the upgrade of a data folder from an older version, a second process joining
 * the running server. Every log line of these starts is kept and searched for the passwords.
 */
class EmbeddedDatabaseTest {

    static final Path WORK = Path.of("target", "embedded-db-" + UUID.randomUUID()).toAbsolutePath();
    static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    static final List<String> PASSWORDS = new ArrayList<>();

    @BeforeAll
    static void captureLogs() {
        LOG.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    }

    @AfterAll
    static void the_passwords_never_reach_the_log() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
        assertThat(PASSWORDS).isNotEmpty();
        assertThat(LOG.list).as("log lines captured").isNotEmpty();
        for (ILoggingEvent event : LOG.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String password : PASSWORDS) {
                assertThat(text).doesNotContain(password);
            }
        }
    }

    @Test
    void a_new_database_is_durable_listens_on_loopback_only_and_keeps_its_data_over_a_restart() throws Exception {
        EmbeddedDatabaseProperties properties = properties("fresh", true, false);
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(properties)) {
            remember(database);
            assertThat(database.owner()).isTrue();
            try (Connection c = connect(database, database.password())) {
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "full_page_writes")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(show(c, "unix_socket_directories")).isEmpty();
                assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
                c.createStatement().execute("create table kept (name text); insert into kept values ('first run')");
            }
        }
        Path passwordFile = properties.passwordFile();
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(passwordFile).strip()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(properties.dataDirectory().resolve("pg_hba.conf")))
                .isEqualTo(AccessRules.PASSWORD_ONLY).doesNotContain("trust");

        try (EmbeddedDatabase again = EmbeddedDatabase.startOrJoin(properties);
                Connection c = connect(again, again.password())) {
            assertThat(again.password()).isEqualTo(Files.readString(passwordFile).strip());
            assertThat(query(c, "select name from kept")).isEqualTo("first run");
        }
    }

    @Test
    void connections_without_the_password_or_with_a_wrong_one_are_refused() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(properties("refused", true, false))) {
            remember(database);
            assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(database, "not-the-password").close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(database, database.password())) {
                assertThat(query(c, "select current_user")).isEqualTo("postgres");
            }
        }
    }

    @Test
    void a_data_folder_from_an_older_version_gets_a_password_and_keeps_its_data() throws Exception {
        EmbeddedDatabaseProperties properties = properties("older", true, false);
        // As older versions started it: initdb with trust for everyone, fsync off, no password file.
        try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(properties.dataDirectory())
                .setCleanDataDirectory(false).start();
                Connection c = older.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("create table batch_names (name text); insert into batch_names values ('from before')");
        }
        assertThat(properties.passwordFile()).doesNotExist();

        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(properties)) {
            remember(database);
            try (Connection c = connect(database, database.password())) {
                assertThat(query(c, "select name from batch_names")).isEqualTo("from before");
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
            assertThatThrownBy(() -> connect(database, null).close()).isInstanceOf(SQLException.class);
        }
        assertThat(Files.readString(properties.dataDirectory().resolve("pg_hba.conf")))
                .isEqualTo(AccessRules.PASSWORD_ONLY);
        assertThat(Files.getPosixFilePermissions(properties.passwordFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void a_second_process_joins_the_running_server_and_leaves_it_running() throws Exception {
        EmbeddedDatabaseProperties owner = properties("shared", true, false);
        EmbeddedDatabaseProperties app = properties("shared", true, false);
        EmbeddedDatabaseProperties cli = new EmbeddedDatabaseProperties(owner.dataDirectory(), 0, false, true, true);
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(owner)) {
            remember(database);
            assertThatThrownBy(() -> EmbeddedDatabase.startOrJoin(app)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("run by another tubebatch process");
            try (EmbeddedDatabase joined = EmbeddedDatabase.startOrJoin(cli)) {
                assertThat(joined.owner()).isFalse();
                assertThat(joined.port()).isEqualTo(database.port());
                try (Connection c = connect(joined, joined.password())) {
                    assertThat(query(c, "select 1")).isEqualTo("1");
                }
            }
            try (Connection c = connect(database, database.password())) {
                assertThat(query(c, "select 'still running'")).isEqualTo("still running");
            }
        }
    }

    @Test
    void the_benchmark_switch_turns_durability_off() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(properties("fast", false, false));
                Connection c = connect(database, database.password())) {
            remember(database);
            assertThat(show(c, "fsync")).isEqualTo("off");
            assertThat(show(c, "synchronous_commit")).isEqualTo("off");
        }
    }

    private static EmbeddedDatabaseProperties properties(String name, boolean durable, boolean joinRunning) {
        return new EmbeddedDatabaseProperties(WORK.resolve(name).resolve("postgres"), 0, false, durable,
                joinRunning);
    }

    private static void remember(EmbeddedDatabase database) {
        PASSWORDS.add(database.password());
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static String show(Connection c, String setting) throws SQLException {
        return query(c, "show " + setting);
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
