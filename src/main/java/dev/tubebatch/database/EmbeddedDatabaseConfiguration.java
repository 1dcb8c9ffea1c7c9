package dev.tubebatch.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database is configured, so that a fresh machine runs the app
 * with nothing installed; or, in a folder where another tubebatch process already runs it, connects to that one.
 * With {@code spring.datasource.url} set, this configuration does nothing and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties properties) throws IOException, InterruptedException {
        return EmbeddedDatabase.startOrJoin(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(database.jdbcUrl())
                .username(EmbeddedServer.SUPERUSER)
                .password(database.password())
                .build();
        dataSource.setMaximumPoolSize(20);
        dataSource.setPoolName("embedded-postgres");
        return dataSource;
    }
}
