package dev.tubebatch.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL.
 *
 * @param dataDirectory where its files live; kept between runs so that a restart resumes unfinished work
 * @param port its TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param clean wipe the data directory at start (tests use a fresh database each time)
 */
@ConfigurationProperties("tubebatch.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, Integer port, boolean clean) {

    public EmbeddedDatabaseProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        port = port == null ? 0 : port;
    }
}
