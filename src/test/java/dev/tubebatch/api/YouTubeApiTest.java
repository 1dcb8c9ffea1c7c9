package dev.tubebatch.api;

import static dev.tubebatch.api.ApiCalls.ADMIN;
import static dev.tubebatch.api.ApiCalls.VIEWER;
import static dev.tubebatch.api.ApiCalls.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/youtube} over real HTTP: anyone signed in reads the breaker and the budget; only an admin lifts the
 * breaker. Shares its application with the accounts tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class YouTubeApiTest {

    @LocalServerPort
    int port;

    private ApiCalls api;

    @BeforeEach
    void connect() {
        api = new ApiCalls(port);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_status_says_why_and_until_when_youtube_is_paused_and_only_an_admin_lifts_the_pause() throws Exception {
        jdbc.sql("""
                update youtube_breaker set open_until = clock_timestamp() + interval '15 minutes',
                       tripped_at = clock_timestamp(), cooldown_ms = 900000,
                       reason = '3 bot checks or 429s within 2 min, the last a bot check'""").update();
        jdbc.sql("insert into youtube_trip (tripped_at, lifts_at, reason) values (clock_timestamp(),"
                + " clock_timestamp() + interval '15 minutes', 'test')").update();

        HttpResponse<String> status = api.send("GET", "/api/youtube/status", VIEWER);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode breaker = JSON.readTree(status.body()).path("breaker");
        assertThat(breaker.path("open").booleanValue()).isTrue();
        assertThat(breaker.path("reason").asString()).contains("bot check");
        assertThat(breaker.path("liftsAt").asString()).isNotBlank();
        assertThat(breaker.path("cooldownSeconds").longValue()).isEqualTo(900);
        JsonNode budget = JSON.readTree(status.body()).path("budget");
        assertThat(budget.path("requestsPerMinute").doubleValue()).isPositive();
        assertThat(budget.path("burst").intValue()).isPositive();

        assertThat(api.send("POST", "/api/youtube/breaker/lift", VIEWER).statusCode()).as("a viewer").isEqualTo(403);
        assertThat(api.send("POST", "/api/youtube/breaker/lift", null).statusCode()).isEqualTo(401);
        HttpResponse<String> lifted = api.send("POST", "/api/youtube/breaker/lift", ADMIN);
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(JSON.readTree(lifted.body()).path("breaker").path("open").booleanValue()).isFalse();
        assertThat(jdbc.sql("select lifted_by from youtube_trip order by id desc limit 1").query(String.class).single())
                .isEqualTo("admin");

        HttpResponse<String> again = api.send("POST", "/api/youtube/breaker/lift", ADMIN);
        assertThat(again.statusCode()).as("nothing to lift").isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
