package dev.tubebatch.security;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registered in META-INF/spring.factories: the JobRunr dashboard runs only with a password of its own. JobRunr
 * would serve it to anyone without one, so with none set (TUBEBATCH_DASHBOARD_PASSWORD), or with the published
 * development password outside the dev profile, it stays off and one log line says why.
 */
public final class DashboardAccess implements EnvironmentPostProcessor {

    static final String ENABLED = "jobrunr.dashboard.enabled";
    static final String PASSWORD = "jobrunr.dashboard.password";

    private final Log log;

    public DashboardAccess(DeferredLogFactory logs) {
        this.log = logs.getLog(DashboardAccess.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty(ENABLED, Boolean.class, false)) {
            return;
        }
        String password = environment.getProperty(PASSWORD, "");
        String reason;
        if (password.isBlank()) {
            reason = "no password is set; set TUBEBATCH_DASHBOARD_PASSWORD (and TUBEBATCH_DASHBOARD_USERNAME) to "
                    + "turn it on";
        } else if (!environment.matchesProfiles(DevelopmentPasswords.PROFILE)
                && DevelopmentPasswords.KNOWN.contains(password)) {
            reason = "its password is the published development password; set TUBEBATCH_DASHBOARD_PASSWORD to one "
                    + "of your own";
        } else {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("tubebatch-dashboard-access",
                Map.of(ENABLED, "false")));
        log.warn("The JobRunr dashboard is off: " + reason + ".");
    }
}
