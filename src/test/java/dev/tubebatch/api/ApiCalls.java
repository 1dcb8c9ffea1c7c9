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
import tools.jackson.databind.json.JsonMapper;

/**
 * The API over real HTTP on loopback, as a client sends it: JSON in and out, credentials in the Authorization header
 * (a Basic user and password or a Bearer token), redirects not followed. One for each test's running app.
 */
final class ApiCalls {

    static final String ADMIN = basic("admin", "tubebatch-dev");
    static final String VIEWER = basic("viewer", "tubebatch-dev");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    ApiCalls(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, @Nullable String authorization)
            throws IOException, InterruptedException {
        return send(method, path, authorization, null);
    }

    HttpResponse<String> send(String method, String path, @Nullable String authorization, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A new API token with one role, made by the admin: the Authorization value that carries it. */
    String bearer(String name, String role) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/tokens", ADMIN,
                "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return "Bearer " + JSON.readTree(response.body()).path("token").asString();
    }
}
