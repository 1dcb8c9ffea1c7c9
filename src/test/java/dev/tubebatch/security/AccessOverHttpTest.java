package dev.tubebatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every page, the API and the JobRunr dashboard refuse anonymous requests, over real HTTP; API calls start no
 * session, only session and browser requests need the CSRF token, and the session cookie is SameSite and Secure
 * behind an https proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/security",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=true",
        // Every request checks its session's user, so a removal shows at the next request.
        "tubebatch.security.session-check=PT0S"})
class AccessOverHttpTest {

    static final int DASHBOARD_PORT = freePort();

    @DynamicPropertySource
    static void dashboard(DynamicPropertyRegistry registry) {
        registry.add("jobrunr.dashboard.port", () -> DASHBOARD_PORT);
    }

    @LocalServerPort
    int port;

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anonymous_requests_to_views_are_sent_to_the_login_page() throws Exception {
        for (String path : new String[] {"/", "/batches", "/new", "/batches/" + java.util.UUID.randomUUID()}) {
            HttpResponse<String> response = get("http://localhost:" + port + path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        HttpResponse<String> login = get("http://localhost:" + port + "/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
    }

    @Test
    void anonymous_api_requests_get_401_and_no_redirect() throws Exception {
        HttpResponse<String> response = get("http://localhost:" + port + "/api/batches", null);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void the_job_dashboard_needs_its_credentials() throws Exception {
        String dashboard = "http://localhost:" + DASHBOARD_PORT + "/dashboard/";
        assertThat(get(dashboard, null).statusCode()).isEqualTo(401);
        assertThat(get(dashboard, basic("ops", "wrong")).statusCode()).isEqualTo(401);
        assertThat(get(dashboard, basic("ops", "tubebatch-dev")).statusCode()).isEqualTo(200);
        assertThat(get("http://localhost:" + DASHBOARD_PORT + "/api/jobs?state=ENQUEUED", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_development_user_signs_in_with_the_login_form_and_a_wrong_password_is_refused() throws Exception {
        assertThat(signIn("admin", "tubebatch-dev")).isEqualTo("/");
        assertThat(signIn("admin", "nope")).endsWith("/login?error");
    }

    @Test
    void operations_endpoints_need_an_admin_but_the_liveness_probe() throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> live = getJson(base + "/actuator/health/liveness", null);
        assertThat(live.statusCode()).as(live.headers().map() + live.body()).isEqualTo(200);
        for (String path : new String[] {"/actuator/health", "/actuator/metrics", "/actuator/health/readiness",
                "/actuator/metrics/tubebatch.queue.depth"}) {
            assertThat(getJson(base + path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(getJson(base + path, basic("viewer", "tubebatch-dev")).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> health = getJson(base + "/actuator/health", basic("admin", "tubebatch-dev"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\"").contains("\"folders\"").contains("\"ytDlp\"").contains("\"models\"")
                .contains("\"moonshine-tiny\"").contains("\"all-minilm-l6-v2-q\"");
        // Free space where the engine writes, not in the temp folder.
        tools.jackson.databind.JsonNode folders = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(health.body()).path("components").path("folders").path("details");
        for (String folder : new String[] {"output", "work"}) {
            assertThat(folders.path(folder).path("free").asLong()).as(folder + " free bytes").isPositive();
            assertThat(folders.path(folder).path("path").asString()).as(folder + " path").isNotBlank();
        }
        HttpResponse<String> videos = getJson(base + "/actuator/metrics/tubebatch.videos", basic("admin", "tubebatch-dev"));
        assertThat(videos.statusCode()).isEqualTo(200);
        assertThat(videos.body()).contains("\"status\"");
        for (String metric : new String[] {"tubebatch.step.seconds.recent", "tubebatch.queue.depth",
                "tubebatch.inference.slots", "tubebatch.inference.slots.used", "tubebatch.models.loaded.bytes"}) {
            assertThat(getJson(base + "/actuator/metrics/" + metric, basic("admin", "tubebatch-dev")).statusCode())
                    .as(metric).isEqualTo(200);
        }
    }

    @Test
    void a_signed_in_browser_session_reads_the_api_but_its_changes_need_the_csrf_token() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(signIn(browser, "admin", "tubebatch-dev")).isEqualTo("/");
        HttpResponse<String> list = browser.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/batches")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/batches/preview"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"urls\":[\"dQw4w9WgXcQ\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("a cross-site request riding on the session cookie").isEqualTo(403);
    }

    @Test
    void a_session_ends_when_an_admin_removes_its_user_or_changes_their_roles() throws Exception {
        String base = "http://localhost:" + port;
        String admin = basic("admin", "tubebatch-dev");
        for (String name : new String[] {"sam", "kim"}) {
            HttpResponse<String> created = send("POST", base + "/api/users", admin, "{\"username\":\"" + name
                    + "\",\"password\":\"a long first password\",\"roles\":[\"OPERATOR\"]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        HttpClient sam = browser();
        HttpClient kim = browser();
        assertThat(signIn(sam, "sam", "a long first password")).isEqualTo("/");
        assertThat(signIn(kim, "kim", "a long first password")).isEqualTo("/");
        HttpResponse<String> before = sessionGet(sam, base + "/api/batches");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(sessionGet(kim, base + "/api/batches").statusCode()).isEqualTo(200);

        assertThat(send("DELETE", base + "/api/users/sam", admin, null).statusCode()).isEqualTo(204);
        assertThat(send("PUT", base + "/api/users/kim", admin, "{\"roles\":[\"VIEWER\"]}").statusCode())
                .isEqualTo(200);

        assertThat(sessionGet(sam, base + "/api/batches").statusCode()).as("removed user's session").isEqualTo(401);
        assertThat(sessionGet(kim, base + "/api/batches").statusCode()).as("demoted user's session").isEqualTo(401);
        HttpResponse<String> page = sessionGet(kim, base + "/batches");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpClient kimAgain = browser();
        assertThat(signIn(kimAgain, "kim", "a long first password")).as("kim signs in again, as a viewer").isEqualTo("/");
        assertThat(sessionGet(kimAgain, base + "/api/batches").statusCode()).isEqualTo(200);
    }

    @Test
    void api_and_operations_calls_with_their_own_credentials_start_no_session() throws Exception {
        String base = "http://localhost:" + port;
        String token = "Bearer " + JSON.readTree(send("POST", base + "/api/tokens", basic("admin", "tubebatch-dev"),
                "{\"name\":\"no-session\",\"roles\":[\"VIEWER\"]}").body()).path("token").asString();
        for (String[] call : new String[][] {{"/api/batches", basic("admin", "tubebatch-dev")},
                {"/api/batches", token}, {"/api/tokens", basic("admin", "tubebatch-dev")},
                {"/actuator/health", basic("admin", "tubebatch-dev")}, {"/api/batches", basic("admin", "wrong")}}) {
            HttpResponse<String> response = getJson(base + call[0], call[1]);
            assertThat(response.statusCode()).as(call[0]).isIn(200, 401);
            assertThat(response.headers().allValues("Set-Cookie")).as(call[0] + " " + response.headers().map())
                    .isEmpty();
        }
    }

    @Test
    void basic_credentials_from_a_browser_need_the_csrf_token_and_bearer_tokens_and_scripts_do_not() throws Exception {
        String base = "http://localhost:" + port;
        String admin = basic("admin", "tubebatch-dev");
        HttpResponse<String> script = send("POST", base + "/api/tokens", admin,
                "{\"name\":\"from-curl\",\"roles\":[\"ADMIN\"]}");
        assertThat(script.statusCode()).as("curl -u, as the README shows it").isEqualTo(201);
        String token = "Bearer " + JSON.readTree(script.body()).path("token").asString();
        for (String[] browser : new String[][] {{"Origin", "https://elsewhere.example"},
                {"Sec-Fetch-Site", "cross-site"}}) {
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", admin).header(browser[0], browser[1])
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\",\"roles\":[\"ADMIN\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).as("basic remembered by a browser, " + browser[0]).isEqualTo(403);
            HttpResponse<String> bearer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", token).header(browser[0], browser[1])
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bearer\",\"roles\":[\"VIEWER\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).as("a bearer token cannot be forged, " + browser[0]).isEqualTo(201);
        }
    }

    @Test
    void browser_routes_never_ask_for_http_basic() throws Exception {
        String base = "http://localhost:" + port;
        for (String path : new String[] {"/", "/batches", "/users", "/downloads/x.zip", "/login", "/VAADIN/x.js",
                "/nowhere"}) {
            for (String accept : new String[] {"text/html", "application/json", "*/*"}) {
                for (String credentials : new String[] {null, basic("admin", "wrong")}) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept", accept).header("X-Requested-With", "XMLHttpRequest");
                    if (credentials != null) {
                        request.header("Authorization", credentials);
                    }
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.headers().allValues("WWW-Authenticate")).as(path + " " + accept)
                            .noneMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("basic"));
                }
            }
        }
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_secure_when_a_proxy_says_https() throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = plain.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
        HttpResponse<String> proxied = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());
        String secure = proxied.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(secure).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure");
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static HttpResponse<String> sessionGet(HttpClient browser, String url)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String user, String password) throws IOException, InterruptedException {
        return signIn(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build(), user, password);
    }

    /** Posts the login form with the session's CSRF token, as the browser does; returns where it redirects. */
    private String signIn(HttpClient browser, String user, String password) throws IOException, InterruptedException {
        String page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("_csrf[^>]*?content=\"([^\"]+)\"|"
                + "\"csrfToken\"\\s*:\\s*\"([^\"]+)\"").matcher(page);
        String token = csrf.find() ? (csrf.group(1) != null ? csrf.group(1) : csrf.group(2)) : "";
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login response").isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()
                + (URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery() == null ? ""
                        : "?" + URI.create(response.headers().firstValue("Location").orElseThrow()).getQuery());
    }

    private HttpResponse<String> send(String method, String url, String authorization, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a probe or a monitoring tool asks: for JSON. */
    private HttpResponse<String> getJson(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
