package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.JSON;
import static dev.tubebatch.api.ApiCalls.VIEWER;
import static dev.tubebatch.api.ApiCalls.basic;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may call the API (see {@link BatchApiTestBase}): every endpoint refuses anonymous callers with a problem
 * document, roles decide what a caller may do, and tokens are shown once, stored hashed and revocable.
 */
class BatchApiAccessTest extends BatchApiTestBase {

    @Test
    void every_endpoint_refuses_anonymous_callers_with_a_problem_document() throws Exception {
        UUID id = UUID.randomUUID();
        List<String[]> endpoints = List.of(
                new String[] {"GET", "/api/batches"}, new String[] {"GET", "/api/batches/" + id},
                new String[] {"POST", "/api/batches"}, new String[] {"POST", "/api/batches/preview"},
                new String[] {"POST", "/api/batches/" + id + "/pause"}, new String[] {"POST", "/api/batches/" + id + "/resume"},
                new String[] {"POST", "/api/batches/" + id + "/cancel"},
                new String[] {"POST", "/api/batches/" + id + "/retry-failed"},
                new String[] {"GET", "/api/batches/" + id + "/download.zip"},
                new String[] {"GET", "/api/batches/" + id + "/download.pdf"},
                new String[] {"GET", "/api/batches/" + id + "/manifest"},
                new String[] {"GET", "/api/batches/" + id + "/state"},
                new String[] {"GET", "/api/batches/" + id + "/events"},
                new String[] {"GET", "/api/batches/" + id + "/videos/dQw4w9WgXcQ/summary"},
                new String[] {"GET", "/api/tokens"}, new String[] {"POST", "/api/tokens"},
                new String[] {"DELETE", "/api/tokens/" + id}, new String[] {"GET", "/api/openapi"});
        for (String[] endpoint : endpoints) {
            for (String credentials : new String[] {null, "Bearer tb_not-a-real-token", basic("admin", "wrong")}) {
                HttpResponse<String> response = api.send(endpoint[0], endpoint[1], credentials, "{}");
                assertThat(response.statusCode()).as(endpoint[0] + " " + endpoint[1] + " with " + credentials)
                        .isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(401);
            }
        }
    }

    @Test
    void roles_decide_what_a_caller_may_do() throws Exception {
        String body = "{\"urls\": [\"dQw4w9WgXcQ\"]}";
        assertThat(api.send("POST", "/api/batches", viewerToken, body).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/batches", VIEWER, body).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/batches/preview", viewerToken, body).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/tokens", operatorToken, null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/tokens", operatorToken,
                "{\"name\":\"x\",\"roles\":[\"ADMIN\"]}").statusCode())
                .as("an operator cannot mint itself an admin token").isEqualTo(403);
        assertThat(api.send("GET", "/api/batches", VIEWER, null).statusCode()).isEqualTo(200);
        assertThat(api.send("POST", "/api/batches", ADMIN, body).statusCode()).isEqualTo(201);
    }

    @Test
    void tokens_are_shown_once_stored_hashed_and_revocable() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/tokens", ADMIN,
                "{\"name\":\"nightly\",\"roles\":[\"VIEWER\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode token = JSON.readTree(created.body());
        String secret = token.path("token").asString();
        assertThat(secret).startsWith("tb_").hasSizeGreaterThan(40);
        String listed = api.send("GET", "/api/tokens", ADMIN, null).body();
        assertThat(listed).contains("nightly").doesNotContain(secret);
        assertThat(api.send("GET", "/api/batches", "Bearer " + secret, null).statusCode()).isEqualTo(200);

        String id = token.path("info").path("id").asString();
        assertThat(api.send("DELETE", "/api/tokens/" + id, ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/batches", "Bearer " + secret, null).statusCode()).isEqualTo(401);
        assertThat(api.send("DELETE", "/api/tokens/" + id, ADMIN, null).statusCode()).isEqualTo(409);

        HttpResponse<String> badRole = api.send("POST", "/api/tokens", ADMIN, "{\"name\":\"x\",\"roles\":[\"ROOT\"]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRole.body()).path("field").asString()).isEqualTo("roles");
    }
}
