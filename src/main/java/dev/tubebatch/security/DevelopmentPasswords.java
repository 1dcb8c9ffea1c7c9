package dev.tubebatch.security;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The passwords of the development settings. They are published in the README, so outside the {@code dev} profile
 * a configured user with one of them stops the start instead of letting anyone in.
 */
final class DevelopmentPasswords {

    static final String PROFILE = "dev";
    static final List<String> KNOWN = List.of("tubebatch-dev");

    private DevelopmentPasswords() {}

    static boolean inDevelopment(Environment environment) {
        return environment.matchesProfiles(PROFILE);
    }

    /** @throws IllegalStateException naming the property of the first configured user with such a password */
    static void refuseOutsideDevelopment(SecurityProperties properties, PasswordEncoder encoder,
            Environment environment) {
        if (inDevelopment(environment)) {
            return;
        }
        for (int i = 0; i < properties.users().size(); i++) {
            String hash = properties.users().get(i).password();
            for (String known : KNOWN) {
                if (encoder.matches(known, hash)) {
                    throw new IllegalStateException(SecurityProperties.property(i) + ".password is the published "
                            + "development password; set a password of your own (a {bcrypt} hash) or remove the "
                            + "user. The development users belong to the dev profile (./mvnw spring-boot:run) only.");
                }
            }
        }
    }
}
