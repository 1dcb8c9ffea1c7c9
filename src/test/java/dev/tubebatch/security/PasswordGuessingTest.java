package dev.tubebatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Password guessing over real HTTP: limits per user name and per address (the address as a trusted proxy passes it
 * in X-Forwarded-For, so each test guesses from addresses of its own), 429 with Retry-After on the API, a message
 * on the login page, and a lock that grows. Shares its application with the users API's tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class PasswordGuessingTest {

    static final String PASSWORD = "a right password";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void five_failures_for_a_user_refuse_its_next_sign_in_from_anywhere_with_429_and_retry_after() throws Exception {
        accounts.create("guess-target", PASSWORD, List.of(Roles.VIEWER), "test");
        for (int i = 0; i < 5; i++) {
            assertThat(call("guess-target", "guess " + i, "198.51.100.1").statusCode()).as("try " + i).isEqualTo(401);
        }
        HttpResponse<String> refused = call("guess-target", PASSWORD, "198.51.100.2");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(JsonMapper.builder().build().readTree(refused.body()).path("status").asInt()).isEqualTo(429);
        assertThat(refused.body()).doesNotContain(PASSWORD);
        assertThat(call("admin", "tubebatch-dev", "198.51.100.2").statusCode()).as("another user").isEqualTo(200);
    }

    @Test
    void twenty_failures_from_one_address_refuse_every_user_from_there_but_not_from_elsewhere() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(call("nobody-" + i, "guess", "198.51.100.20").statusCode()).as("try " + i).isEqualTo(401);
        }
        assertThat(call("admin", "tubebatch-dev", "198.51.100.20").statusCode()).isEqualTo(429);
        assertThat(call("admin", "tubebatch-dev", "198.51.100.21").statusCode()).isEqualTo(200);
    }

    @Test
    void a_successful_sign_in_clears_the_users_count() throws Exception {
        accounts.create("forgetful", PASSWORD, List.of(Roles.VIEWER), "test");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(call("forgetful", "guess " + i, "198.51.100.30").statusCode()).isEqualTo(401);
            }
            assertThat(call("forgetful", PASSWORD, "198.51.100.31").statusCode()).as("round " + round).isEqualTo(200);
        }
        assertThat(call("forgetful", "guess", "198.51.100.30").statusCode()).isEqualTo(401);
    }

    @Test
    void the_login_form_says_when_sign_ins_are_refused() throws Exception {
        accounts.create("form-user", PASSWORD, List.of(Roles.VIEWER), "test");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("form-user", "guess " + i, "198.51.100.40")).isEqualTo("/login?error");
        }
        String refused = signIn("form-user", PASSWORD, "198.51.100.41");
        assertThat(refused).startsWith("/login?locked=");
        assertThat(Long.parseLong(refused.substring("/login?locked=".length()))).isBetween(1L, 60L);
    }

    @Test
    void each_failure_beyond_the_limit_doubles_the_lock_up_to_its_cap() {
        MovingClock clock = new MovingClock(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)));
        LoginThrottle throttle = new LoginThrottle(jdbc, SecurityProperties.Logins.DEFAULTS, clock);
        for (int i = 0; i < 4; i++) {
            throttle.failed("grower", null);
            clock.pass(Duration.ofSeconds(1));
        }
        assertThat(throttle.lockedFor("grower", null)).isEmpty();
        for (long minutes : new long[] {1, 2, 4, 8}) {
            throttle.failed("grower", null);
            Optional<Duration> locked = throttle.lockedFor("grower", null);
            assertThat(locked).as("after the failure locked for " + minutes).hasValue(Duration.ofMinutes(minutes));
            clock.pass(Duration.ofMinutes(minutes).plusSeconds(1));
            assertThat(throttle.lockedFor("grower", null)).isEmpty();
        }
        assertThat(throttle.lockAfter(4)).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttle.lockAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    private HttpResponse<String> call(String user, String password, String address)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/batches"))
                .header("Accept", "application/json").header("X-Forwarded-For", address)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form with the session's CSRF token, as the browser does; returns where it redirects. */
    private String signIn(String user, String password, String address) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("_csrf[^>]*?content=\"([^\"]+)\"|\"csrfToken\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(page);
        String token = csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "";
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login response").isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getPath() + (location.getQuery() == null ? "" : "?" + location.getQuery());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A clock the test moves forward. */
    static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
