package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.VIEWER;
import static dev.tubebatch.api.ApiCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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

    @LocalServerPort
    int port;

    private ApiCalls api;

    @BeforeEach
    void connect() {
        api = new ApiCalls(port);
    }

    @Test
    void without_a_mail_host_email_is_off_and_the_answer_says_which_setting_turns_it_on_and_openapi_lists_it() throws Exception {
        HttpResponse<String> status = api.send("GET", "/api/mail", ADMIN, null);
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(status.body());
        assertThat(body.path("enabled").asBoolean()).isFalse();
        assertThat(body.path("from").asString()).isEqualTo("tubebatch@localhost");
        assertThat(body.path("note").asString()).contains("spring.mail.host");
        JsonNode paths = JSON.readTree(api.send("GET", "/api/openapi", ADMIN, null).body()).path("paths");
        assertThat(paths.propertyNames()).contains("/api/mail", "/api/mail/recipients", "/api/mail/recipients/{id}",
                "/api/mail/recipients/{id}/deliveries");
    }

    @Test
    void an_admin_adds_a_recipient_changes_its_events_and_removes_it_and_a_viewer_may_not() throws Exception {
        assertThat(api.send("GET", "/api/mail/recipients", null, null).statusCode()).isEqualTo(401);
        assertThat(api.send("GET", "/api/mail/recipients", VIEWER, null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/mail/recipients", VIEWER,
                "{\"address\":\"ops@example.org\",\"events\":[\"batch.completed\"]}").statusCode()).isEqualTo(403);

        HttpResponse<String> created = api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\" ops@example.org \",\"events\":[\"batch.completed\",\"watch.found_videos\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode recipient = JSON.readTree(created.body());
        String id = recipient.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/mail/recipients/" + id);
        assertThat(recipient.path("address").asString()).isEqualTo("ops@example.org");
        assertThat(recipient.path("events").valueStream().map(JsonNode::asString))
                .containsExactly("BATCH_COMPLETED", "WATCH_FOUND_VIDEOS");
        assertField(api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"OPS@example.org\",\"events\":[\"batch.completed\"]}"), "address");

        assertThat(api.send("PUT", "/api/mail/recipients/" + id, ADMIN, "{\"events\":[\"batch.cancelled\"]}")
                .statusCode()).isEqualTo(204);
        HttpResponse<String> listed = api.send("GET", "/api/mail/recipients", ADMIN, null);
        assertThat(JSON.readTree(listed.body()).valueStream().filter(r -> r.path("id").asString().equals(id))
                .findFirst().orElseThrow().path("events").valueStream().map(JsonNode::asString))
                .containsExactly("BATCH_CANCELLED");
        assertThat(api.send("GET", "/api/mail/recipients/" + id + "/deliveries", ADMIN, null).body()).isEqualTo("[]");

        assertThat(api.send("DELETE", "/api/mail/recipients/" + id, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/mail/recipients/" + id, ADMIN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void bad_addresses_and_events_get_problem_documents_naming_the_field() throws Exception {
        assertField(api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"not an address\",\"events\":[\"batch.completed\"]}"), "address");
        assertField(api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops@example.org\\r\\nBcc: victim@example.org\",\"events\":[\"batch.completed\"]}"),
                "address");
        assertField(api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops2@example.org\",\"events\":[]}"), "events");
        assertField(api.send("POST", "/api/mail/recipients", ADMIN,
                "{\"address\":\"ops2@example.org\",\"events\":[\"batch.exploded\"]}"), "events");
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("field").asString()).as(response.body()).isEqualTo(field);
    }
}
