package dev.tubebatch.cluster;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/** Registered in META-INF/spring.factories: turns {@code tubebatch.node.role} into the settings of that role. */
public final class NodeRoleSettings implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        NodeRole role = NodeRole.parse(environment.getProperty(NodeRole.PROPERTY));
        if (role != NodeRole.ALL) {
            environment.getPropertySources().addFirst(new MapPropertySource("tubebatch-node-role", role.settings()));
        }
    }
}
