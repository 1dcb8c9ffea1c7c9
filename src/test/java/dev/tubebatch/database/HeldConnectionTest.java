package dev.tubebatch.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A held connection whose server process ends (as in a database restart, here {@code pg_terminate_backend} on the
 * real embedded PostgreSQL) while its work waits on the driver's own connection, past the pool's checks, as the
 * cluster's {@code LISTEN} does.
 */
@EngineTest
class HeldConnectionTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void when_its_server_process_ends_the_work_runs_again_on_a_new_connection_after_one_break() throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        HeldConnection held = new HeldConnection("held-connection-test", () -> "A test's session", dataSource,
                (connection, established) -> {
                    runs.add("taken");
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN held_connection_test"); // fails on a dead connection
                    }
                    int pid = backendPid(connection);
                    runs.add("started " + pid);
                    established.run();
                    try {
                        PGConnection pg = connection.unwrap(PGConnection.class);
                        for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
                            pg.getNotifications(250); // throws once the server process is gone
                        }
                    } catch (SQLException e) {
                        runs.add("broke " + pid);
                        throw e;
                    }
                });
        held.start();
        try {
            Eventually.within(Duration.ofSeconds(20), "the work to start", () -> runs.size() == 2);
            int first = Integer.parseInt(runs.get(1).substring("started ".length()));
            jdbc.sql("select pg_terminate_backend(:pid)").param("pid", first).query().singleRow();

            Eventually.within(Duration.ofSeconds(20), "the work to start again",
                    () -> runs.stream().filter(r -> r.startsWith("started ")).count() >= 2);
            Thread.sleep(1_000); // time for a second break, had the new connection been a dead one
            assertThat(runs).as("one break, then the next connection taken is a live one")
                    .hasSize(5).startsWith("taken", "started " + first, "broke " + first, "taken");
            assertThat(runs.getLast()).startsWith("started ").isNotEqualTo("started " + first);
        } finally {
            held.stop();
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
