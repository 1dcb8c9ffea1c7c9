package dev.tubebatch.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JobRunr's storage provider looks its DataSource up by name at run time, so Spring does not know it depends on
 * it, and on shutdown may close the connection pool (and the embedded PostgreSQL behind it) while JobRunr's
 * server still runs: its last state updates then fail and it logs storage errors. Declaring the dependency makes
 * Spring stop JobRunr first, then the pool, then the embedded database.
 */
@Configuration(proxyBeanMethods = false)
class ShutdownOrder {

    @Bean
    static BeanFactoryPostProcessor jobRunrStopsBeforeTheDatabase() {
        return ShutdownOrder::declareDependencies;
    }

    static void declareDependencies(ConfigurableListableBeanFactory beanFactory) {
        String[] dataSources = beanFactory.getBeanNamesForType(DataSource.class, true, false);
        for (String storage : beanFactory.getBeanNamesForType(StorageProvider.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(storage);
            List<String> dependsOn = new ArrayList<>(definition.getDependsOn() == null ? List.of()
                    : Arrays.asList(definition.getDependsOn()));
            for (String dataSource : dataSources) {
                if (!dependsOn.contains(dataSource)) {
                    dependsOn.add(dataSource);
                }
            }
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
