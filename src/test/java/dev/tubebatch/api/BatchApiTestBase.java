package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The batch API tests' common ground ({@link ApiTest}'s one context, shared with {@link SearchApiTest} and
 * {@link WatchApiTest}), with an operator's and a viewer's API token made afresh for each test.
 */
@ApiTest
abstract class BatchApiTestBase {

    @LocalServerPort
    int port;

    ApiCalls api;

    /** For the ZIP and PDF downloads, which {@link ApiCalls} (JSON only) does not fetch. */
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String operatorToken;
    String viewerToken;

    @BeforeEach
    void tokens() throws Exception {
        api = new ApiCalls(port);
        operatorToken = api.bearer("ci-operator", "OPERATOR");
        viewerToken = api.bearer("dashboard-reader", "VIEWER");
    }

    /** A distinct, valid 11-character id for a number. */
    static String videoId(int n) {
        String digits = String.format("%011d", n);
        return "v" + digits.substring(1);
    }

    /** A problem document with this status, naming this field where it is not null; then its detail, to check. */
    org.assertj.core.api.AbstractStringAssert<?> assertField(HttpResponse<String> response, int status,
            String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        if (field != null) {
            assertThat(problem.path("field").asString()).as(response.body()).isEqualTo(field);
        }
        return assertThat(problem.path("detail").asString());
    }
}
