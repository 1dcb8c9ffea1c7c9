package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.VIEWER;
import static dev.tubebatch.api.ApiCalls.JSON;
import static dev.tubebatch.api.ApiCalls.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewRunners;
import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.VideoItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over real HTTP on the embedded PostgreSQL: every endpoint with and without credentials, roles,
 * bad bodies naming their field, the input limit, and two batches created at once. No jobs run here (the job
 * server is off): these tests are about the API's contract, the engine has its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/api",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false",
        "tubebatch.output.root=target/test-output/api",
        // Wrong passwords on every endpoint are part of the contract here; the guessing limits have their own tests.
        "tubebatch.security.logins.user-failures=1000",
        "tubebatch.security.logins.address-failures=1000"})
class BatchApiTest {


    @LocalServerPort
    int port;

    private ApiCalls api;

    @Autowired
    PreviewRunner previews;

    @Autowired
    dev.tubebatch.batch.BatchQueries queries;

    @Autowired
    dev.tubebatch.batch.TranscriptStore texts;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String operatorToken;
    private String viewerToken;

    @BeforeEach
    void tokens() throws Exception {
        api = new ApiCalls(port);
        operatorToken = api.bearer("ci-operator", "OPERATOR");
        viewerToken = api.bearer("dashboard-reader", "VIEWER");
    }

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
    void an_operator_token_creates_follows_and_controls_a_batch() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/batches", operatorToken, """
                {"name": "Launch talks", "urls": ["https://youtu.be/dQw4w9WgXcQ?t=42", "https://example.com/x",
                 "jNQXAC9IVRw"], "text": "# from the team sheet\\nhttps://www.youtube.com/watch?v=9bZkp7q19f0\\n",
                 "maxWorkers": 2, "retryLimit": 1, "onError": "stop"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String id = body.path("batch").path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/batches/" + id);
        assertThat(body.path("batch").path("name").asString()).isEqualTo("Launch talks");
        assertThat(body.path("batch").path("createdBy").asString()).isEqualTo("token:ci-operator");
        assertThat(body.path("batch").path("onError").asString()).isEqualTo("stop");
        assertThat(body.path("batch").path("maxWorkers").asInt()).isEqualTo(2);
        assertThat(body.path("batch").path("progress").path("total").asInt()).isEqualTo(3);
        // The time left, from the batch's one estimator; unknown until every step has been measured.
        assertThat(body.path("batch").has("etaSeconds")).isTrue();
        assertThat(body.path("rejected")).hasSize(1);
        assertThat(body.path("rejected").get(0).path("source").asString()).isEqualTo("urls[1]");
        assertThat(body.path("rejected").get(0).path("text").asString()).isEqualTo("https://example.com/x");

        JsonNode detail = JSON.readTree(api.send("GET", "/api/batches/" + id, viewerToken, null).body());
        assertThat(detail.path("itemCount").asInt()).isEqualTo(3);
        assertThat(detail.path("items").valueStream().map(i -> i.path("videoId").asString()).toList())
                .containsExactly("9bZkp7q19f0", "dQw4w9WgXcQ", "jNQXAC9IVRw");
        assertThat(detail.path("items").get(1).path("url").asString())
                .isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        JsonNode page = JSON.readTree(api.send("GET", "/api/batches/" + id + "?offset=1&limit=1", viewerToken,
                null).body());
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("position").asInt()).isEqualTo(2);

        JsonNode list = JSON.readTree(api.send("GET", "/api/batches", viewerToken, null).body());
        assertThat(list.valueStream().map(b -> b.path("id").asString())).contains(id);

        assertThat(api.send("POST", "/api/batches/" + id + "/pause", operatorToken, null).statusCode()).isEqualTo(200);
        HttpResponse<String> again = api.send("POST", "/api/batches/" + id + "/pause", operatorToken, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).path("detail").asString()).contains("PAUSED");
        JsonNode resumed = JSON.readTree(api.send("POST", "/api/batches/" + id + "/resume", operatorToken,
                null).body());
        assertThat(resumed.path("batch").path("status").asString()).isEqualTo("RUNNING");
        JsonNode retried = JSON.readTree(api.send("POST", "/api/batches/" + id + "/retry-failed",
                operatorToken, null).body());
        assertThat(retried.path("requeued").asInt()).isZero();
        HttpResponse<String> state = api.send("GET", "/api/batches/" + id + "/state", viewerToken, null);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(state.body()).path("batch_id").asString()).isEqualTo(id);
        HttpResponse<String> manifest = api.send("GET", "/api/batches/" + id + "/manifest", viewerToken, null);
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("dQw4w9WgXcQ").contains("jNQXAC9IVRw");
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/batches/" + id + "/download.zip")).header("Authorization", viewerToken).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(new String(zip.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/batches/" + id + "/download.pdf")).header("Authorization", viewerToken).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        JsonNode cancelled = JSON.readTree(api.send("POST", "/api/batches/" + id + "/cancel", operatorToken,
                null).body());
        assertThat(cancelled.path("batch").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("batch").path("progress").path("cancelled").asInt()).isEqualTo(3);
        assertThat(api.send("POST", "/api/batches/" + id + "/resume", operatorToken, null).statusCode()).isEqualTo(409);
    }

    @Test
    void preview_stores_nothing_and_names_the_source_of_each_rejected_line() throws Exception {
        int before = JSON.readTree(api.send("GET", "/api/batches", viewerToken, null).body()).size();
        HttpResponse<String> response = api.send("POST", "/api/batches/preview", operatorToken, """
                {"text": "dQw4w9WgXcQ\\njavascript:alert(1)\\n", "urls": ["--exec rm", "youtu.be/dQw4w9WgXcQ"]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        assertThat(preview.path("count").asInt()).isEqualTo(1);
        assertThat(preview.path("rejected").valueStream().map(r -> r.path("source").asString()).toList())
                .contains("text line 2", "urls[0]");
        assertThat(JSON.readTree(api.send("GET", "/api/batches", viewerToken, null).body()).size()).isEqualTo(before);
    }

    @Test
    void a_preview_or_a_new_batch_while_every_preview_place_of_the_node_is_taken_gets_503_with_retry_after() throws Exception {
        String body = "{\"urls\": [\"dQw4w9WgXcQ\"]}";
        List<PreviewRunner.Running> others = PreviewRunners.takeAllPlaces(previews);
        HttpResponse<String> busy;
        HttpResponse<String> busyCreate;
        try {
            busy = api.send("POST", "/api/batches/preview", operatorToken, body);
            busyCreate = api.send("POST", "/api/batches", operatorToken, body);
        } finally {
            others.forEach(PreviewRunner.Running::cancel);
        }

        assertField(busy, 503, null).isEqualTo("Too many previews are running; try again in a moment.");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(JSON.readTree(busy.body()).path("title").asString()).isEqualTo("Too many previews running");
        // Creating a batch previews its input too, so it waits for a place in the same way.
        assertField(busyCreate, 503, null).isEqualTo("Too many previews are running; try again in a moment.");
        HttpResponse<String> again = api.send("POST", "/api/batches/preview", operatorToken, body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("count").asInt()).isEqualTo(1);
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

    @Test
    void bad_bodies_get_400_naming_the_field() throws Exception {
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"maxWorkers\":\"many\"}"),
                400, "maxWorkers");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\"],\"maxWorker\":2}"),
                400, null).contains("unknown field 'maxWorker'").contains("maxWorkers");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":\"dQw4w9WgXcQ\"}"), 400, "urls");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\", 7, {}]}"),
                400, "urls[2]");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\", null]}"), 400,
                "urls[1]");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"a\\nb\"]}"), 400, "urls[0]");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"onError\":\"sometimes\"}"),
                400, "onError");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\"],\"retryLimit\":99}"),
                400, "retryLimit");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\"],\"maxWorkers\":0}"),
                400, "maxWorkers");
        assertField(api.send("POST", "/api/batches", operatorToken, "{}"), 400, "urls");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"summarySentences\":50}"), 400, "summarySentences");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"summaryPreset\":\"haiku\"}"), 400, "summaryPreset")
                .contains("brief, detailed, study-notes, action-items");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"captionLanguages\":[\"de\",\"--exec\"]}"), 400,
                "captionLanguages").contains("'--exec' (entry 2) is not a language code");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"captionLanguages\":[\"de\",null]}"), 400,
                "captionLanguages[1]");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"captionLanguages\":\"de\"}"), 400, "captionLanguages");
        assertField(api.send("POST", "/api/batches", operatorToken,
                "{\"urls\":[\"dQw4w9WgXcQ\"],\"filters\":{\"minDurationSeconds\":-1}}"), 400,
                "filters.minDurationSeconds");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"dQw4w9WgXcQ\""), 400, null)
                .contains("not valid JSON");
        assertField(api.send("POST", "/api/batches", operatorToken, "{\"urls\":[\"https://vimeo.com/1\"]}"),
                422, "urls")
                .contains("urls[0]");
        assertField(api.send("GET", "/api/batches/not-a-uuid", operatorToken, null), 400, "id");
        assertField(api.send("GET", "/api/batches/" + UUID.randomUUID(), operatorToken, null), 404, null);
        assertField(api.send("GET", "/api/batches/" + UUID.randomUUID() + "?status=DONE", operatorToken, null),
                404, null);
    }

    @Test
    void a_batch_keeps_its_summary_preset_and_instruction_and_a_video_summary_is_served_with_chapter_links()
            throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/batches", operatorToken,
                "{\"name\": \"Notes\", \"urls\": [\""
                + videoId(900_101) + "\"], \"summaryPreset\": \"study-notes\", \"summaryInstruction\": \"Define terms.\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(created.body()).path("batch").path("id").asString());
        assertThat(queries.options(id)).isEqualTo(new BatchOptions(true, null, "study-notes", "Define terms.", null));
        String path = "/api/batches/" + id + "/videos/" + videoId(900_101) + "/summary";
        assertField(api.send("GET", path, viewerToken, null), 404, null).contains("has no summary");
        assertField(api.send("GET", "/api/batches/" + id + "/videos/zzzzzzzzzzz/summary", viewerToken, null),
                404, null);

        VideoItem item = queries.items(id).getFirst();
        texts.save(new Summary(item.id(), "llm:fake", "The text.", List.of("A point"),
                List.of(new ChapterSummary(0, "Start", "First."), new ChapterSummary(75.6, "Later", "Second.")),
                null, new Summary.Usage(3, 1200, 150, 900, null)));
        HttpResponse<String> summary = api.send("GET", path, viewerToken, null);

        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(summary.body());
        assertThat(json.path("method").asString()).isEqualTo("llm:fake");
        assertThat(json.path("keyPoints").get(0).asString()).isEqualTo("A point");
        assertThat(json.path("chapters").get(1).path("link").asString())
                .isEqualTo("https://youtu.be/" + videoId(900_101) + "?t=75");
        assertThat(json.path("usage").path("tokensIn").asLong()).isEqualTo(1200);
    }

    @Test
    void a_batch_keeps_its_caption_languages_in_order_with_orig_and_the_translated_fallback() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/batches", operatorToken, "{\"name\": \"Languages\","
                + " \"urls\": [\"" + videoId(900_201) + "\"], \"captionLanguages\": [\"de\", \"ORIG\", \"pt-BR\"],"
                + " \"translatedCaptions\": true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(created.body()).path("batch").path("id").asString());

        assertThat(queries.options(id).captionLanguages()).containsExactly("de", "orig", "pt-BR");
        assertThat(queries.options(id).translatedCaptions()).isTrue();
    }

    @Test
    void retrying_a_cancelled_batch_is_a_conflict_explained_like_pausing_it() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/batches", operatorToken,
                "{\"name\": \"Cancelled then retried\", \"urls\": [\"" + videoId(900_001) + "\"]}");
        String id = JSON.readTree(created.body()).path("batch").path("id").asString();
        assertThat(api.send("POST", "/api/batches/" + id + "/cancel", operatorToken, null).statusCode()).isEqualTo(200);

        HttpResponse<String> pause = api.send("POST", "/api/batches/" + id + "/pause", operatorToken, null);
        HttpResponse<String> retry = api.send("POST", "/api/batches/" + id + "/retry-failed", operatorToken, null);

        assertThat(pause.statusCode()).isEqualTo(409);
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(409);
        assertThat(retry.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(retry.body());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("title").asString()).isEqualTo(JSON.readTree(pause.body()).path("title").asString());
        assertThat(problem.path("detail").asString()).isEqualTo(
                "The batch is CANCELLED; a cancelled batch cannot be retried.");
    }

    @Test
    void ten_thousand_urls_are_taken_and_one_more_is_refused_whole() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            ids.add("\"" + videoId(i) + "\"");
        }
        String over = "{\"urls\":[" + String.join(",", ids) + "]}";
        int before = JSON.readTree(api.send("GET", "/api/batches", viewerToken, null).body()).size();
        assertField(api.send("POST", "/api/batches", operatorToken, over), 413, "urls").contains("10000");
        assertThat(JSON.readTree(api.send("GET", "/api/batches", viewerToken, null).body()).size()).isEqualTo(before);

        String atLimit = "{\"urls\":[" + String.join(",", ids.subList(0, 10_000)) + "]}";
        HttpResponse<String> created = api.send("POST", "/api/batches", operatorToken, atLimit);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("batch").path("id").asString();
        JsonNode last = JSON.readTree(api.send("GET", "/api/batches/" + id + "?offset=9999&limit=5",
                viewerToken, null).body());
        assertThat(last.path("itemCount").asInt()).isEqualTo(10_000);
        assertThat(last.path("items").get(0).path("videoId").asString()).isEqualTo(videoId(9_999));
        assertField(api.send("GET", "/api/batches/" + id + "?limit=5000", viewerToken, null), 400, "limit");
        assertField(api.send("GET", "/api/batches/" + id + "?status=DONE", viewerToken, null), 400, "status");
    }

    @Test
    void two_batches_created_at_the_same_moment_keep_their_own_videos() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> results = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                int batch = b;
                Callable<HttpResponse<String>> create = () -> {
                    List<String> urls = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        urls.add("\"" + videoId(100_000 * (batch + 1) + i) + "\"");
                    }
                    start.await();
                    return api.send("POST", "/api/batches", operatorToken,
                            "{\"name\":\"parallel " + batch + "\",\"urls\":[" + String.join(",", urls) + "]}");
                };
                results.add(pool.submit(create));
            }
            start.countDown();
            for (int b = 0; b < 2; b++) {
                HttpResponse<String> response = results.get(b).get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(201);
                String id = JSON.readTree(response.body()).path("batch").path("id").asString();
                JsonNode detail = JSON.readTree(api.send("GET", "/api/batches/" + id + "?limit=1000",
                        viewerToken, null).body());
                assertThat(detail.path("batch").path("name").asString()).isEqualTo("parallel " + b);
                assertThat(detail.path("items").valueStream().map(i -> i.path("videoId").asString()).toList())
                        .hasSize(50).first().isEqualTo(videoId(100_000 * (b + 1)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_openapi_description_lists_every_endpoint() throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/openapi", viewerToken, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(response.body()).path("paths");
        assertThat(paths.propertyNames()).contains("/api/batches", "/api/batches/preview", "/api/batches/{id}",
                "/api/batches/{id}/pause", "/api/batches/{id}/resume", "/api/batches/{id}/cancel",
                "/api/batches/{id}/retry-failed", "/api/tokens", "/api/tokens/{id}");
        assertThat(JSON.readTree(response.body()).path("components").path("securitySchemes").propertyNames())
                .contains("token", "basic");
    }

    /** A distinct, valid 11-character id for a number. */
    static String videoId(int n) {
        String digits = String.format("%011d", n);
        return "v" + digits.substring(1);
    }

    private org.assertj.core.api.AbstractStringAssert<?> assertField(HttpResponse<String> response, int status,
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
