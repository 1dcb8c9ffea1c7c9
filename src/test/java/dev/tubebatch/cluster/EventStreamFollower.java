package dev.tubebatch.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client of a batch's server-sent events that, like a plain {@code EventSource} left alone, never reconnects:
 * it keeps each item's latest status as the stream showed it, when the stream opened, how many item events came and
 * how the stream ended, so a test that misses a completion can say which and why.
 */
final class EventStreamFollower {

    private static final Pattern ITEM = Pattern.compile("\"itemId\":\"([0-9a-f-]{36})\".*\"status\":\"([A-Z_]+)\"");

    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
    private final AtomicInteger itemEvents = new AtomicInteger();
    private volatile Instant opened;
    private volatile String ended = "still open";

    /** Follows on a virtual thread until the stream ends or the thread is interrupted. */
    static Thread start(int port, String batchId, String authorization, EventStreamFollower follower) {
        return Thread.ofVirtual().name("follower").start(() -> follower.follow(port, batchId, authorization));
    }

    private void follow(int port, String batchId, String authorization) {
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/batches/" + batchId + "/events"))
                    .header("Authorization", authorization).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            opened = Instant.now();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Matcher item = ITEM.matcher(line);
                    if (line.startsWith("data:") && item.find()) {
                        itemEvents.incrementAndGet();
                        lastStatus.put(item.group(1), item.group(2));
                    }
                }
            }
            ended = "closed by the server";
        } catch (IOException e) {
            ended = "broke: " + e;
        } catch (InterruptedException e) {
            ended = "interrupted";
        }
    }

    long seen(String status) {
        return lastStatus.values().stream().filter(status::equals).count();
    }

    /** The last status the stream showed for this item; "none" if it showed no event of it. */
    String lastStatus(String itemId) {
        return lastStatus.getOrDefault(itemId, "none");
    }

    /** When the response's headers came, so the server had subscribed this stream; null before. */
    Instant opened() {
        return opened;
    }

    /** The stream's state and counts, for a failure message. */
    String describe() {
        return "stream opened " + opened + ", " + itemEvents.get() + " item events for " + lastStatus.size()
                + " items, " + ended;
    }
}
