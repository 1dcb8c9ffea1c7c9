package dev.tubebatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open event stream that missed item changes (another node's notifications lost while this node reconnected)
 * catches up at the batch's next batch-level change: it sends the items that differ from what it last sent, over
 * real HTTP on loopback.
 */
@ApiTest
class BatchEventsCatchUpTest {

    @LocalServerPort
    int port;

    @Autowired
    BatchEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcAggregateTemplate aggregates;

    @Autowired
    PlatformTransactionManager transactions;

    /** Each event the stream sent, as "name data". */
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile InputStream body;
    private Thread reader;
    private UUID followed;

    @AfterEach
    void closeTheStream() throws Exception {
        if (body != null) {
            body.close();
        }
        if (reader != null) {
            reader.interrupt();
            reader.join(5_000);
        }
        // The server notices a closed client only when it writes: a few more events end its side of the stream, so
        // the request is not left open until the context's graceful shutdown gives up on it.
        for (int i = 0; followed != null && i < 5; i++) {
            events.deliverLocally(BatchChange.ofBatch(followed));
            Thread.sleep(100);
        }
    }

    @Test
    void a_batch_level_change_sends_the_items_that_changed_unseen_and_no_others() throws Exception {
        Instant now = Instant.now();
        Batch batch = new Batch(UUID.randomUUID(), "Followed " + UUID.randomUUID(), BatchStatus.PAUSED, "admin", now,
                now, null, 1, 2, OnErrorPolicy.CONTINUE, null, false, false);
        VideoItem unchanged = item(batch, 1, "capUNCHNG01", now);
        VideoItem changed = item(batch, 2, "capCHANGE01", now);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            aggregates.insert(batch);
            aggregates.insert(unchanged);
            aggregates.insert(changed);
        });
        follow(batch.id());
        Eventually.within(Duration.ofSeconds(10), "the opening batch event",
                () -> count("batch ") == 1);

        // Changed as another node would, its notification lost: nothing is published for the item.
        jdbc.sql("update video_item set status = 'COMPLETED', current_step = 'EXPORT' where id = :id")
                .param("id", changed.id()).update();
        events.deliverLocally(BatchChange.ofBatch(batch.id()));

        Eventually.within(Duration.ofSeconds(10), "the changed item's event",
                () -> received.stream().anyMatch(event -> event.startsWith("item ")
                        && event.contains(changed.id().toString())));
        assertThat(count("batch ")).as("the batch event comes first, as before").isEqualTo(2);
        assertThat(received.stream().filter(event -> event.startsWith("item ")).toList()).singleElement()
                .satisfies(event -> assertThat(event).contains("\"status\":\"COMPLETED\"", "\"step\":\"EXPORT\""));
        assertThat(received).as("the unchanged item, at position 1, would have come before")
                .noneMatch(event -> event.contains(unchanged.id().toString()));
    }

    private long count(String prefix) {
        return received.stream().filter(event -> event.startsWith(prefix)).count();
    }

    private void follow(UUID batchId) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/batches/" + batchId + "/events"))
                .header("Authorization", ApiCalls.ADMIN).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        followed = batchId;
        body = response.body();
        reader = Thread.ofVirtual().name("events-reader").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String name = "message";
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event:")) {
                        name = line.substring("event:".length()).strip();
                    } else if (line.startsWith("data:")) {
                        received.add(name + " " + line.substring("data:".length()));
                    } else if (line.isEmpty()) {
                        name = "message";
                    }
                }
            } catch (IOException e) {
                // the test closed the stream
            }
        });
    }

    private static VideoItem item(Batch batch, int position, String videoId, Instant now) {
        return new VideoItem(UUID.randomUUID(), batch.id(), position, "https://www.youtube.com/watch?v=" + videoId,
                videoId, null, null, null, null, ItemStatus.QUEUED, null, null, 0, UUID.randomUUID(), now, null, null, null, null, null, null,
                null, null);
    }
}
