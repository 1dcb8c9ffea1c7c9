package dev.tubebatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/mail} over real HTTP, in an application without {@code spring.mail.host}: email says it is off and
 * how to turn it on, recipients are admins' business, and bad addresses get problem documents naming the field.
 * Shares its application with {@link UserApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class MailApiTest {

    static final String ADMIN = basic("admin", "tubebatch-dev");
    static final String VIEWER = basic("viewer", "tubebatch-dev");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void without_a_mail_host_email_is_off_and_the_answer_says_which_setting_turns_it_on_and_openapi_lists_it() throws Exception {
        HttpResponse<String> status = send("GET", "/api/mail", ADMIN, null);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(status.body());
        assertThat(body.path("enabled").asBoolean()).isFalse();
        assertThat(body.path("from").asString()).isEqualTo("tubebatch@localhost");
        assertThat(body.path("note").asString()).contains("spring.mail.host");
        JsonNode paths = JSON.readTree(send("GET", "/api/openapi", ADMIN, null).body()).path("paths");
        assertThat(paths.propertyNames()).contains("/api/mail", "/api/mail/recipients", "/api/mail/recipients/{id}",
                "/api/mail/recipients/{id}/deliveries");
    }

    @Test
    void an_admin_adds_a_recipient_changes_its_events_and_removes_it_and_a_viewer_may_not() throws Exception {
        assertThat(send("GET", "/api/mail/recipients", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/mail/recipients", VIEWER, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/mail/recipients", VIEWER,
                "{\"address\":\"ops@example.org\",\"events\":[\"batch.completed\"]}").statusCode()).isEqualTo(403);

        HttpResponse<String> created = send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\" ops@example.org \",\"events\":[\"batch.completed\",\"watch.found_videos\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode recipient = JSON.readTree(created.body());
        String id = recipient.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/mail/recipients/" + id);
        assertThat(recipient.path("address").asString()).isEqualTo("ops@example.org");
        assertThat(recipient.path("events").valueStream().map(JsonNode::asString))
                .containsExactly("BATCH_COMPLETED", "WATCH_FOUND_VIDEOS");
        assertField(send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"OPS@example.org\",\"events\":[\"batch.completed\"]}"), "address");

        assertThat(send("PUT", "/api/mail/recipients/" + id, ADMIN, "{\"events\":[\"batch.cancelled\"]}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> listed = send("GET", "/api/mail/recipients", ADMIN, null);
        assertThat(JSON.readTree(listed.body()).valueStream().filter(r -> r.path("id").asString().equals(id))
                .findFirst().orElseThrow().path("events").valueStream().map(JsonNode::asString))
                .containsExactly("BATCH_CANCELLED");
        assertThat(send("GET", "/api/mail/recipients/" + id + "/deliveries", ADMIN, null).body()).isEqualTo("[]");

        assertThat(send("DELETE", "/api/mail/recipients/" + id, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/mail/recipients/" + id, ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_addresses_and_events_get_problem_documents_naming_the_field() throws Exception {
        assertField(send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"not an address\",\"events\":[\"batch.completed\"]}"), "address");
        assertField(send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops@example.org\\r\\nBcc: victim@example.org\",\"events\":[\"batch.completed\"]}"),
                "address");
        assertField(send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops2@example.org\",\"events\":[]}"), "events");
        assertField(send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops2@example.org\",\"events\":[\"batch.exploded\"]}"), "events");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("field").asString()).as(response.body()).isEqualTo(field);
    }

    private HttpResponse<String> send(String method, String path, @Nullable String authorization,
            @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
