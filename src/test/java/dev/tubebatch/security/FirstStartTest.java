package dev.tubebatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app as the jar starts it: without the dev profile (which every other test runs in), no user configured and an
 * empty database. The first start creates {@code admin} and prints its password once; the development logins do
 * not exist; the job dashboard, with no password set, stays off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.profiles.active=",
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/first-start",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=true"})
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest {

    static final int DASHBOARD_PORT = freePort();
    static final Pattern PASSWORD_LINE = Pattern.compile("(?m)^Initial admin password: (\\S+)");

    @DynamicPropertySource
    static void dashboard(DynamicPropertyRegistry registry) {
        registry.add("jobrunr.dashboard.port", () -> DASHBOARD_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InitialAdmin initialAdmin;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @Order(1)
    void the_first_start_creates_admin_with_a_random_password_printed_once_and_stored_only_as_a_hash(
            CapturedOutput output) throws Exception {
        assertThat(environment.matchesProfiles("dev")).isFalse();
        Matcher line = PASSWORD_LINE.matcher(output.getOut());
        assertThat(line.find()).as(output.getOut()).isTrue();
        String password = line.group(1);
        assertThat(password).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(line.group()).doesNotContain("tubebatch-dev");
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("the password appears once, nowhere else")
                .hasSize(2);
        assertThat(output.getOut()).contains("change it under your name > Change password");

        assertThat(get("/api/batches", basic("admin", password)).statusCode()).isEqualTo(200);
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
        assertThat(jdbc.sql("select roles from app_user where username = 'admin'").query(String.class).single())
                .isEqualTo("ADMIN,OPERATOR,VIEWER");
        assertThat(initialAdmin.createIfNoUsers()).as("a user exists now").isEmpty();
    }

    @Test
    @Order(2)
    void outside_the_dev_profile_there_are_no_development_logins_and_the_dashboard_stays_off(CapturedOutput output)
            throws Exception {
        assertThat(get("/api/batches", basic("admin", "tubebatch-dev")).statusCode()).isEqualTo(401);
        assertThat(get("/api/batches", basic("viewer", "tubebatch-dev")).statusCode()).isEqualTo(401);
        assertThat(output.getAll().lines().filter(l -> l.contains("The JobRunr dashboard is off"))).singleElement()
                .asString().contains("no password is set").contains("TUBEBATCH_DASHBOARD_PASSWORD");
        assertThatThrownBy(() -> new Socket("localhost", DASHBOARD_PORT).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    @Order(3)
    void nodes_starting_at_once_create_one_admin_and_only_the_winner_knows_its_password() throws Exception {
        jdbc.sql("delete from app_user").update();
        int nodes = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
            for (int i = 0; i < nodes; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return initialAdmin.createIfNoUsers();
                }));
            }
            start.countDown();
            List<String> printed = new ArrayList<>();
            for (Future<Optional<String>> result : results) {
                result.get().ifPresent(printed::add);
            }
            assertThat(printed).hasSize(1);
        }
        assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
