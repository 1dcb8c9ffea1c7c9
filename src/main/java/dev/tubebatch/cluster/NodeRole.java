package dev.tubebatch.cluster;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a node does, from {@code tubebatch.node.role} (environment {@code TUBEBATCH_NODE_ROLE}): {@code all} (the
 * default: web app, API and job workers), {@code web} (web app and API, no workers) or {@code worker} (job workers
 * only, no web server). {@link NodeRoleSettings} applies the role's settings before the application starts; they
 * take precedence over other configuration, so that a {@code web} node never runs jobs by accident.
 */
public enum NodeRole {
    ALL, WEB, WORKER;

    public static final String PROPERTY = "tubebatch.node.role";

    /** Vaadin's auto-configuration needs a web application context; a node without a web server leaves it out. */
    public static final String VAADIN_AUTO_CONFIGURATION = String.join(",",
            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
            "com.vaadin.flow.spring.VaadinScopesConfig");

    public static NodeRole parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be all, web or worker; got '" + value + "'");
        }
    }

    /** The settings that make this role. */
    public Map<String, Object> settings() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        switch (this) {
            case WEB -> defaults.put("jobrunr.background-job-server.enabled", "false");
            case WORKER -> {
                defaults.put("spring.main.web-application-type", "none");
                defaults.put("spring.autoconfigure.exclude", VAADIN_AUTO_CONFIGURATION);
                defaults.put("jobrunr.dashboard.enabled", "false");
                defaults.put("jobrunr.background-job-server.enabled", "true");
            }
            case ALL -> { }
        }
        return defaults;
    }
}
