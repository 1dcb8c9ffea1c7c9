package dev.tubebatch.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL.
 *
 * @param dataDirectory where its files live; kept between runs so that a restart resumes unfinished work
 * @param port its TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param clean wipe the data directory at start (tests use a fresh database each time)
 * @param durable write each commit to disk before acknowledging it ({@code fsync}, {@code synchronous_commit}); only
 *     a benchmark that measures what this costs turns it off
 * @param joinRunning when another tubebatch process already runs the embedded database of this folder, connect to
 *     it (a command-line run does); otherwise refuse to start, because that database stops when its owner ends
 */
@ConfigurationProperties(EmbeddedDatabaseProperties.PREFIX)
public record EmbeddedDatabaseProperties(Path dataDirectory, Integer port, boolean clean, Boolean durable,
        boolean joinRunning) {

    public static final String PREFIX = "tubebatch.database.embedded";

    public EmbeddedDatabaseProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        port = port == null ? 0 : port;
        durable = durable == null || durable;
    }

    /** The superuser's password, beside the data directory (initdb needs that directory empty). */
    public Path passwordFile() {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + "-password");
    }
}
