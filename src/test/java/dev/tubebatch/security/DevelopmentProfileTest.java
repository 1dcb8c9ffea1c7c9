package dev.tubebatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The development logins (admin and viewer, the dashboard's ops) exist only in the {@code dev} profile, which
 * {@code ./mvnw spring-boot:run} uses; the packaged jar's settings have none.
 */
class DevelopmentProfileTest {

    @Test
    void the_jars_settings_have_no_users_and_no_development_password() throws IOException {
        String settings = Files.readString(Path.of("src/main/resources/application.properties"));
        assertThat(settings).doesNotContain("tubebatch.security.users[").doesNotContain("tubebatch-dev")
                .doesNotContainPattern("\\{bcrypt}\\$2");
        assertThat(settings).contains("jobrunr.dashboard.password=${TUBEBATCH_DASHBOARD_PASSWORD:}");
    }

    @Test
    void the_dev_profile_has_the_development_users_and_spring_boot_run_uses_it() throws IOException {
        String dev = Files.readString(Path.of("src/main/resources/application-dev.properties"));
        assertThat(dev).contains("tubebatch.security.users[0].username=admin")
                .contains("tubebatch.security.users[1].username=viewer")
                .contains("jobrunr.dashboard.password=${TUBEBATCH_DASHBOARD_PASSWORD:tubebatch-dev}");
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).containsPattern("<artifactId>spring-boot-maven-plugin</artifactId>\\s*<configuration>"
                + "[\\s\\S]*?<profiles>\\s*<profile>dev</profile>\\s*</profiles>");
    }
}
