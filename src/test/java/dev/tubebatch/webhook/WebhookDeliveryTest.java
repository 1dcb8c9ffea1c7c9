package dev.tubebatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks delivered to a receiver on loopback (the JDK's HttpServer) by the running engine: a finished batch is
 * posted, signed with the webhook's secret; the receiver's first two answers are 500, so the delivery is retried with
 * backoff and the log holds every try. A loopback target that no admin allowed is refused without a request.
 */
@EngineTest
class WebhookDeliveryTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(String event, String signature, String body) {}

    @Autowired
    EngineHarness engine;

    @Autowired
    WebhookService webhooks;

    @Autowired
    WebhookLog log;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger(2);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Tubebatch-Event"),
                    exchange.getRequestHeaders().getFirst("X-Tubebatch-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void a_completed_batch_is_posted_signed_and_retried_on_500_with_every_try_logged() {
        WebhookService.Created hook = webhooks.create(url(), List.of(WebhookEvent.BATCH_COMPLETED,
                WebhookEvent.BATCH_COMPLETED_WITH_FAILURES), true, "admin");

        Batch batch = engine.create("webhook", 0, "capWebhook1");
        engine.awaitFinished(batch);
        Eventually.within(Duration.ofSeconds(60), "the delivery to succeed", () -> log.deliveries(hook.id(), 10)
                .stream().anyMatch(d -> d.status().equals("DELIVERED")));

        assertThat(received).hasSize(3);
        Received last = received.getLast();
        assertThat(last.event()).isEqualTo("batch.completed");
        assertThat(last.signature()).isEqualTo("sha256=" + WebhookSender.sign(hook.secret(), last.body()));
        assertThat(received).extracting(Received::body).containsOnly(last.body());
        JsonNode payload = JSON.readTree(last.body());
        assertThat(payload.path("batch").path("id").asString()).isEqualTo(batch.id().toString());
        assertThat(payload.path("counts").path("total").asInt()).isEqualTo(1);
        assertThat(payload.path("counts").path("completed").asInt()).isEqualTo(1);
        assertThat(payload.path("links").path("batch").asString()).endsWith("/batches/" + batch.id());
        WebhookLog.Delivery delivery = log.deliveries(hook.id(), 10).getFirst();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.tries()).extracting(WebhookLog.Attempt::attempt, WebhookLog.Attempt::statusCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 500), org.assertj.core.groups.Tuple.tuple(2,
                        500), org.assertj.core.groups.Tuple.tuple(3, 204));
        assertThat(delivery.tries().get(1).at()).isAfter(delivery.tries().get(0).at());
        webhooks.delete(hook.id());
    }

    @Test
    void a_loopback_target_is_refused_unless_an_admin_allowed_it() {
        WebhookService.Created hook = webhooks.create(url(), List.of(WebhookEvent.BATCH_COMPLETED), false, "admin");

        Batch batch = engine.create("webhook refused", 0, "capWebhook2");
        engine.awaitFinished(batch);
        Eventually.within(Duration.ofSeconds(30), "the delivery to fail", () -> log.deliveries(hook.id(), 10)
                .stream().anyMatch(d -> d.status().equals("FAILED")));

        assertThat(received).isEmpty();
        WebhookLog.Delivery delivery = log.deliveries(hook.id(), 10).getFirst();
        assertThat(delivery.tries()).singleElement().satisfies(t -> {
            assertThat(t.statusCode()).isNull();
            assertThat(t.error()).contains("private or loopback");
        });
        webhooks.delete(hook.id());
    }
}
