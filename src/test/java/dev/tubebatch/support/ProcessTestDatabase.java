package dev.tubebatch.support;

import dev.tubebatch.database.EmbeddedDatabaseProperties;
import dev.tubebatch.database.RunningServer;
import dev.tubebatch.youtube.FakeYtDlp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the tests that run the app as separate processes share: a work folder, a database, a copy of the fake
 * yt-dlp, the app's settings for that database, and plain SQL to create batches and read their state as the
 * processes see it. The database is either a PostgreSQL of the test's own that outlives the app processes
 * ({@link #start}), or the app's embedded one in the work folder ({@link #embedded}), which the test reaches as a
 * command-line run would: through the port of the running server and the password file.
 */
public final class ProcessTestDatabase implements AutoCloseable {

    public final Path work;
    /** The test's own PostgreSQL; null when the app runs the embedded one. */
    public final EmbeddedPostgres postgres;
    public final Path fake;

    private ProcessTestDatabase(Path work, EmbeddedPostgres postgres, Path fake) {
        this.work = work;
        this.postgres = postgres;
        this.fake = fake;
    }

    /**
     * A fresh work folder {@code target/<name>-<uuid>} whose app processes run the embedded PostgreSQL in
     * {@link #embeddedDataDirectory()}, as the app does in the folder it is started from.
     */
    public static ProcessTestDatabase embedded(String name) {
        Path work = Path.of("target", name + "-" + UUID.randomUUID()).toAbsolutePath();
        return new ProcessTestDatabase(work, null, FakeYtDlp.install(work.resolve("bin")));
    }

    /** Where the embedded PostgreSQL of {@link #embedded} keeps its files: {@code pg}, as CliProcessTest's runs. */
    public Path embeddedDataDirectory() {
        return work.resolve("pg");
    }

    /** The embedded PostgreSQL's superuser password, from the file the first app process wrote. */
    public String embeddedPassword() {
        try {
            return Files.readString(new EmbeddedDatabaseProperties(embeddedDataDirectory(), 0, false, true, false)
                    .passwordFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh work folder {@code target/<name>-<uuid>} with its database and fake yt-dlp. */
    public static ProcessTestDatabase start(String name) {
        Path work = Path.of("target", name + "-" + UUID.randomUUID()).toAbsolutePath();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("pg"))
                    .setCleanDataDirectory(true).start();
            return new ProcessTestDatabase(work, postgres, FakeYtDlp.install(work.resolve("bin")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public DataSource db() {
        if (postgres != null) {
            return postgres.getPostgresDatabase();
        }
        int port = RunningServer.find(embeddedDataDirectory()).map(RunningServer::port).orElse(0);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        // Port 0 (no server running): connections fail, and the queries below answer as for a database that is down.
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setPassword(port == 0 ? "" : embeddedPassword());
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    /**
     * The settings of an app process on this database: no dashboard, an ephemeral port, the fake yt-dlp, a shared
     * output folder and a scratch folder of its own, quick sweeps, and no models (callers that test models put
     * them back).
     */
    public Map<String, String> appProperties(String scratch, int workers) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (postgres != null) {
            properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            properties.put("spring.datasource.username", "postgres");
        } else {
            properties.put("tubebatch.database.embedded.data-directory", embeddedDataDirectory().toString());
        }
        properties.put("server.port", "0");
        properties.put("jobrunr.dashboard.enabled", "false");
        properties.put("jobrunr.background-job-server.worker-count", Integer.toString(workers));
        properties.put("tubebatch.ytdlp.path", fake.toString());
        properties.put("tubebatch.output.root", work.resolve("output").toString());
        properties.put("tubebatch.pipeline.work-directory", work.resolve(scratch).toString());
        properties.put("tubebatch.engine.sweep-interval", "PT2S");
        properties.put("tubebatch.engine.job-grace", "PT10S");
        properties.put("tubebatch.inference.speech.engine", "none");
        properties.put("tubebatch.inference.summary.method", "none");
        properties.put("vaadin.productionMode", "false");
        return properties;
    }

    /** A running batch as BatchService stores it; an app's sweep dispatches its waiting items. */
    public UUID insertBatch(String name, List<String> videoIds) {
        return insertBatch(name, videoIds, 3);
    }

    /** A running batch with this retry limit, as BatchService stores it. */
    public UUID insertBatch(String name, List<String> videoIds, int retryLimit) {
        UUID batchId = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement batch = c.prepareStatement("""
                    insert into batch (id, name, status, created_by, created_at, started_at, retry_limit, on_error)
                    values (?, ?, 'RUNNING', 'tester', ?, ?, ?, 'CONTINUE')""")) {
                batch.setObject(1, batchId);
                batch.setString(2, name);
                batch.setTimestamp(3, now);
                batch.setTimestamp(4, now);
                batch.setInt(5, retryLimit);
                batch.executeUpdate();
            }
            try (PreparedStatement item = c.prepareStatement("""
                    insert into video_item (id, batch_id, position, url, video_id, status, attempts)
                    values (?, ?, ?, ?, ?, 'PENDING', 0)""")) {
                int position = 1;
                for (String videoId : videoIds) {
                    item.setObject(1, UUID.randomUUID());
                    item.setObject(2, batchId);
                    item.setInt(3, position++);
                    item.setString(4, "https://www.youtube.com/watch?v=" + videoId);
                    item.setString(5, videoId);
                    item.addBatch();
                }
                item.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert batch " + name, e);
        }
        return batchId;
    }

    /** The first column of the first row as a number; -1 while the database cannot answer. */
    public int count(String sql) {
        try (Connection c = db().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The first column of every row, joined by "; "; empty while the database cannot answer. */
    public String rows(String sql) {
        StringBuilder rows = new StringBuilder();
        try (Connection c = db().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.append(rows.isEmpty() ? "" : "; ").append(rs.getString(1));
            }
        } catch (SQLException e) {
            return "";
        }
        return rows.toString();
    }

    public int completed(UUID batchId) {
        return count("select count(*) from video_item where status = 'COMPLETED' and batch_id = '" + batchId + "'");
    }

    /** The batch's status, or null while the database cannot answer. */
    public String batchStatus(UUID batchId) {
        try (Connection c = db().getConnection();
                PreparedStatement s = c.prepareStatement("select status from batch where id = ?")) {
            s.setObject(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
