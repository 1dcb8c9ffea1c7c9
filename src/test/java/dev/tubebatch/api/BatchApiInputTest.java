package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.intake.PreviewRunner;
import dev.tubebatch.intake.PreviewRunners;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What the batch endpoints take in (see {@link BatchApiTestBase}): a preview that stores nothing, bad bodies named by
 * their field, the input limit, a full node's 503, and two batches created at once.
 */
class BatchApiInputTest extends BatchApiTestBase {

    @Autowired
    PreviewRunner previews;

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
}
