package dev.tubebatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The published development passwords are refused outside the dev profile, for users and for the dashboard. */
class DevelopmentPasswordsTest {

    static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void a_configured_user_with_the_development_password_stops_the_start_naming_the_property() {
        SecurityProperties properties = new SecurityProperties(List.of(
                new SecurityProperties.User("ops", ENCODER.encode("a long password of ours"), List.of("ADMIN")),
                new SecurityProperties.User("admin", ENCODER.encode("tubebatch-dev"), List.of("ADMIN"))), null, null);
        assertThatThrownBy(() -> DevelopmentPasswords.refuseOutsideDevelopment(properties, ENCODER,
                new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("tubebatch.security.users[1].password is the published development password");
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        assertThatCode(() -> DevelopmentPasswords.refuseOutsideDevelopment(properties, ENCODER, dev))
                .doesNotThrowAnyException();
    }

    @Test
    void the_dashboard_runs_only_with_a_password_of_its_own() {
        assertThat(dashboardEnabled(null, "")).as("no password").isFalse();
        assertThat(dashboardEnabled(null, "tubebatch-dev")).as("the development password").isFalse();
        assertThat(dashboardEnabled("dev", "tubebatch-dev")).as("in development").isTrue();
        assertThat(dashboardEnabled(null, "a password of the team's")).isTrue();
    }

    private static boolean dashboardEnabled(String profile, String password) {
        MockEnvironment environment = new MockEnvironment().withProperty("jobrunr.dashboard.enabled", "true")
                .withProperty("jobrunr.dashboard.password", password);
        if (profile != null) {
            environment.setActiveProfiles(profile);
        }
        new DashboardAccess(new DeferredLogs()).postProcessEnvironment(environment, null);
        return environment.getProperty("jobrunr.dashboard.enabled", Boolean.class, true);
    }
}
