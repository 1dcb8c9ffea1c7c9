package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.JSON;
import static dev.tubebatch.api.ApiCalls.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/users} over real HTTP: admins only, problem documents naming the field, no password in any answer,
 * and always an admin left. Shares its application with the password-guessing tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class UserApiTest {

    @LocalServerPort
    int port;

    private ApiCalls api;

    @BeforeEach
    void connect() {
        api = new ApiCalls(port);
    }

    @Test
    void an_admin_adds_a_user_who_signs_in_then_changes_their_role_and_password_and_removes_them() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"maria\",\"password\":\"maria's first password\",\"roles\":[\"OPERATOR\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/users/maria");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("username").asString()).isEqualTo("maria");
        assertThat(body.path("roles").valueStream().map(JsonNode::asString)).containsExactly("OPERATOR", "VIEWER");
        assertThat(body.path("createdBy").asString()).isEqualTo("admin");
        assertThat(created.body()).doesNotContain("first password").doesNotContainIgnoringCase("hash")
                .doesNotContain("bcrypt");
        String maria = basic("maria", "maria's first password");
        assertThat(api.send("GET", "/api/batches", maria, null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/users", maria, null).statusCode()).as("not an admin").isEqualTo(403);

        HttpResponse<String> listed = api.send("GET", "/api/users", ADMIN, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).valueStream().map(u -> u.path("username").asString()))
                .contains("admin", "viewer", "maria");
        assertThat(listed.body()).doesNotContain("bcrypt").doesNotContainIgnoringCase("password");

        HttpResponse<String> changed = api.send("PUT", "/api/users/maria", ADMIN,
                "{\"roles\":[\"VIEWER\"],\"password\":\"maria's second password\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).path("roles").valueStream().map(JsonNode::asString))
                .containsExactly("VIEWER");
        assertThat(api.send("GET", "/api/batches", maria, null).statusCode()).as("the old password").isEqualTo(401);
        assertThat(api.send("GET", "/api/batches", basic("maria", "maria's second password"), null).statusCode())
                .isEqualTo(200);

        assertThat(api.send("DELETE", "/api/users/maria", ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(api.send("DELETE", "/api/users/maria", ADMIN, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/batches", basic("maria", "maria's second password"), null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void bad_users_get_problem_documents_naming_the_field() throws Exception {
        assertField(api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"short\",\"password\":\"too short\",\"roles\":[\"VIEWER\"]}"), 400, "password");
        assertField(api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"has space\",\"password\":\"long enough password\",\"roles\":[\"VIEWER\"]}"), 400,
                "username");
        assertField(api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"rooted\",\"password\":\"long enough password\",\"roles\":[\"ROOT\"]}"), 400, "roles");
        assertField(api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"rooted\",\"password\":\"long enough password\",\"role\":\"ADMIN\"}"), 400, "role");
        HttpResponse<String> taken = api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"viewer\",\"password\":\"long enough password\",\"roles\":[\"VIEWER\"]}");
        assertThat(taken.statusCode()).as("a configured user's name").isEqualTo(409);
        assertThat(taken.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(taken.body()).doesNotContain("long enough password");
        assertThat(api.send("PUT", "/api/users/viewer", ADMIN, "{\"roles\":[\"ADMIN\"]}").statusCode())
                .as("configured users are read-only").isEqualTo(409);
        assertThat(api.send("PUT", "/api/users/nobody", ADMIN, "{\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(404);
    }

    @Test
    void an_admin_can_remove_neither_themselves_nor_the_last_admin() throws Exception {
        assertThat(api.send("POST", "/api/users", ADMIN,
                "{\"username\":\"boss\",\"password\":\"the boss's password\",\"roles\":[\"ADMIN\"]}").statusCode())
                .isEqualTo(201);
        String boss = basic("boss", "the boss's password");
        HttpResponse<String> self = api.send("DELETE", "/api/users/boss", boss, null);
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(self.body()).path("detail").asString()).contains("yourself");
        assertThat(api.send("PUT", "/api/users/boss", boss, "{\"roles\":[\"VIEWER\"]}").statusCode()).isEqualTo(409);
        // The configured admin is an admin too, so boss is not the last one.
        assertThat(api.send("PUT", "/api/users/boss", ADMIN, "{\"roles\":[\"OPERATOR\"]}").statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/users/boss", ADMIN, null).statusCode()).isEqualTo(204);
    }

    @Test
    void only_admins_manage_users() throws Exception {
        for (String[] call : new String[][] {{"GET", "/api/users"}, {"POST", "/api/users"},
                {"PUT", "/api/users/viewer"}, {"DELETE", "/api/users/viewer"}}) {
            assertThat(api.send(call[0], call[1], null, "{}").statusCode()).as(call[1]).isEqualTo(401);
            assertThat(api.send(call[0], call[1], basic("viewer", "tubebatch-dev"), "{}").statusCode()).as(call[1])
                    .isEqualTo(403);
        }
    }

    @Test
    void the_openapi_description_lists_the_users_endpoints() throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/openapi", ADMIN, null);
        assertThat(JSON.readTree(response.body()).path("paths").propertyNames())
                .contains("/api/users", "/api/users/{username}");
    }

    private static void assertField(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("field").asString()).as(response.body()).isEqualTo(field);
        assertThat(response.body()).doesNotContain("long enough password").doesNotContain("too short");
    }
}
