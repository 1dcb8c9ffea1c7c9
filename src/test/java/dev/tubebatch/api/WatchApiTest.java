package dev.tubebatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /api/watches} over real HTTP; the API tests' one context ({@link ApiTest}). */
@ApiTest
class WatchApiTest {

    @LocalServerPort
    int port;

    private ApiCalls api;

    @BeforeEach
    void connect() {
        api = new ApiCalls(port);
    }

    @Test
    void an_operator_creates_pauses_resumes_and_deletes_a_watch_that_a_viewer_can_read() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/watches", ApiCalls.ADMIN, """
                {"name": "Talks", "sourceUrl": "https://www.youtube.com/@sometalks/videos", "recent": 10,
                 "schedule": "daily", "minMinutes": 5, "skipShorts": true}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode watch = ApiCalls.JSON.readTree(created.body());
        String id = watch.path("id").asString();
        assertThat(watch.path("cron").asString()).isEqualTo("0 3 * * *");
        assertThat(watch.path("sourceUrl").asString()).startsWith("https://www.youtube.com/@sometalks");

        assertThat(api.send("GET", "/api/watches/" + id, ApiCalls.VIEWER, null).statusCode()).isEqualTo(200);
        assertThat(api.send("GET", "/api/watches/" + id + "/runs", ApiCalls.VIEWER, null).body()).isEqualTo("[]");
        assertThat(api.send("POST", "/api/watches/" + id + "/pause", ApiCalls.VIEWER, null).statusCode())
                .isEqualTo(403);
        JsonNode paused = ApiCalls.JSON.readTree(api.send("POST", "/api/watches/" + id + "/pause",
                ApiCalls.ADMIN, null).body());
        assertThat(paused.path("changed").asBoolean()).isTrue();
        assertThat(paused.path("watch").path("paused").asBoolean()).isTrue();
        assertThat(ApiCalls.JSON.readTree(api.send("POST", "/api/watches/" + id + "/resume", ApiCalls.ADMIN,
                null).body()).path("watch").path("paused").asBoolean()).isFalse();
        assertThat(api.send("DELETE", "/api/watches/" + id, ApiCalls.ADMIN, null).statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/watches/" + id, ApiCalls.VIEWER, null).statusCode()).isEqualTo(404);
    }

    @Test
    void an_operator_changes_a_watchs_filters_and_bad_values_are_refused_naming_the_field() throws Exception {
        HttpResponse<String> created = api.send("POST", "/api/watches", ApiCalls.ADMIN, """
                {"name": "Edited", "sourceUrl": "https://www.youtube.com/@edited/videos", "schedule": "hourly",
                 "minMinutes": 5, "skipShorts": true}""");
        String id = ApiCalls.JSON.readTree(created.body()).path("id").asString();

        HttpResponse<String> updated = api.send("PUT", "/api/watches/" + id + "/filters", ApiCalls.ADMIN, """
                {"maxMinutes": 30, "titleContains": "keynote", "skipProcessed": false}""");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        JsonNode filters = ApiCalls.JSON.readTree(api.send("GET", "/api/watches/" + id, ApiCalls.VIEWER, null)
                .body()).path("filters");
        assertThat(filters.path("titleContains").asString()).isEqualTo("keynote");
        assertThat(filters.path("minDuration").isNull()).isTrue();
        assertThat(filters.path("skipShorts").asBoolean()).isFalse();
        assertThat(filters.path("skipProcessed").asBoolean()).isFalse();

        HttpResponse<String> negative = api.send("PUT", "/api/watches/" + id + "/filters", ApiCalls.ADMIN,
                "{\"minMinutes\": -1}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("minMinutes:");
        HttpResponse<String> dates = api.send("PUT", "/api/watches/" + id + "/filters", ApiCalls.ADMIN,
                "{\"uploadedAfter\": \"2025-02-01\", \"uploadedBefore\": \"2025-01-01\"}");
        assertThat(dates.statusCode()).isEqualTo(400);
        assertThat(dates.body()).contains("upload date:");
        assertThat(api.send("PUT", "/api/watches/" + id + "/filters", ApiCalls.VIEWER, "{}").statusCode())
                .isEqualTo(403);
        assertThat(api.send("PUT", "/api/watches/" + java.util.UUID.randomUUID() + "/filters", ApiCalls.ADMIN,
                "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_bad_source_or_schedule_is_refused_naming_the_field() throws Exception {
        HttpResponse<String> schedule = api.send("POST", "/api/watches", ApiCalls.ADMIN, """
                {"name": "x", "sourceUrl": "https://www.youtube.com/playlist?list=PLabc", "schedule": "sometimes"}""");
        assertThat(schedule.statusCode()).isEqualTo(400);
        assertThat(schedule.body()).contains("schedule:");
        HttpResponse<String> source = api.send("POST", "/api/watches", ApiCalls.ADMIN, """
                {"name": "x", "sourceUrl": "https://example.com/feed", "schedule": "hourly"}""");
        assertThat(source.statusCode()).isEqualTo(400);
        assertThat(source.body()).contains("sourceUrl:");
    }
}
