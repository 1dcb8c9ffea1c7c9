package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.BatchOptions;
import dev.tubebatch.batch.ChapterSummary;
import dev.tubebatch.batch.Summary;
import dev.tubebatch.batch.VideoItem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The batch endpoints over real HTTP on the embedded PostgreSQL (see {@link BatchApiTestBase}): a batch created,
 * followed, controlled and downloaded with tokens, the options it keeps, a video's summary, conflicts explained, and
 * the OpenAPI description. No jobs run here: these tests are about the API's contract, the engine has its own.
 */
class BatchApiTest extends BatchApiTestBase {

    @Autowired
    dev.tubebatch.batch.BatchQueries queries;

    @Autowired
    dev.tubebatch.batch.TranscriptStore texts;

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
}
