package dev.tubebatch.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible chat-completions server on loopback, for tests. It checks every request as a real server
 * would (the bearer key, the model, the messages, the token limit, the context length) and answers with the real
 * response shape ({@code chat.completion} with {@code choices[].message}, {@code finish_reason} and {@code usage}),
 * counting tokens at four characters a token. Faults can be queued: 429 with {@code Retry-After}, 500, a slow answer,
 * malformed JSON, or a 401 that echoes the key as some servers do.
 */
public final class FakeOpenAi implements AutoCloseable {

    public enum Fault { RATE_LIMIT, SERVER_ERROR, SLOW, MALFORMED, SERVER_ERROR_ECHOING_KEY }

    /** One request as the server read it. */
    public record Call(String model, String system, String user, int maxTokens, int promptTokens) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String model;
    private final String key;
    private final int contextTokens;
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile Duration slowDelay = Duration.ofSeconds(3);
    private volatile boolean alwaysFail;
    private volatile Function<Call, String> answers = FakeOpenAi::defaultAnswer;

    /**
     * @param key the bearer key the server wants; empty for none
     * @param contextTokens requests whose prompt and max_tokens exceed it are refused with 400, as servers do
     */
    public FakeOpenAi(String model, String key, int contextTokens) {
        this.model = model;
        this.key = key;
        this.contextTokens = contextTokens;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public FakeOpenAi fail(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** Every call fails with 500 until this is set false again. */
    public FakeOpenAi alwaysFail(boolean fail) {
        alwaysFail = fail;
        return this;
    }

    /** The time every answer takes (the benchmark's stand-in for a model). */
    public FakeOpenAi delay(Duration each) {
        delay = each;
        return this;
    }

    public FakeOpenAi slowDelay(Duration slow) {
        slowDelay = slow;
        return this;
    }

    public FakeOpenAi answers(Function<Call, String> answer) {
        answers = answer;
        return this;
    }

    /** Requests that got an answer, in order. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Requests the server refused as malformed (a test failure: the client sent something a server rejects). */
    public List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** Every HTTP request, answered or not. */
    public int requests() {
        return requests.get();
    }

    /** The most requests the "model" worked on at once (from a request read to its answer made). */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void reset() {
        faults.clear();
        calls.clear();
        refusals.clear();
        requests.set(0);
        maxInFlight.set(0);
        alwaysFail = false;
        delay = Duration.ZERO;
        answers = FakeOpenAi::defaultAnswer;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * "Summary: … Key points: - …" for a whole video; for a digest, themes and a line for every "[n]" video; a
     * sentence naming the part otherwise.
     */
    public static String defaultAnswer(Call call) {
        if (call.user().contains("Videos:\n[<number>]")) {
            StringBuilder answer = new StringBuilder("Themes:\n- A theme of " + call.promptTokens() + " tokens\n"
                    + "- Another theme\n\nVideos:\n");
            java.util.regex.Matcher video = java.util.regex.Pattern.compile("(?m)^\\[(\\d+)] ([^:]+):")
                    .matcher(call.user());
            while (video.find()) {
                answer.append('[').append(video.group(1)).append("] About ").append(video.group(2)).append(".\n");
            }
            return answer.toString();
        }
        if (call.user().contains("common themes of the whole batch")) {
            return "Themes:\n- A combined theme\n- Another combined theme";
        }
        if (call.user().contains("Key points:")) {
            return "Summary:\nA fake summary of " + call.promptTokens() + " prompt tokens.\n\nKey points:\n"
                    + "- The first point\n- The second point\n- The third point";
        }
        String part = call.user().lines().filter(l -> l.startsWith("Part: ")).findFirst().orElse("Parts");
        return "Summary of " + part.replace("Part: ", "") + ".";
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!key.isEmpty() && !("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                String sent = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
                error(exchange, 401, "invalid_api_key", "Incorrect API key provided: " + sent.replace("Bearer ", ""));
                return;
            }
            Fault fault = alwaysFail ? Fault.SERVER_ERROR : faults.poll();
            if (fault == Fault.RATE_LIMIT) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                error(exchange, 429, "rate_limit_exceeded", "Rate limit reached for requests");
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                error(exchange, 500, "server_error", "The server had an error while processing your request.");
                return;
            }
            if (fault == Fault.SERVER_ERROR_ECHOING_KEY) {
                error(exchange, 500, "server_error", "Upstream failed for key " + key);
                return;
            }
            Call call;
            try {
                call = read(body);
            } catch (IllegalArgumentException e) {
                refusals.add(e.getMessage());
                error(exchange, 400, "invalid_request_error", e.getMessage());
                return;
            }
            // The model's work: what "at once" counts (the answer's bytes may still be on their way after it).
            String content;
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                sleep(fault == Fault.SLOW ? slowDelay : delay);
                content = answers.apply(call);
            } finally {
                inFlight.decrementAndGet();
            }
            if (fault == Fault.MALFORMED) {
                send(exchange, 200, "{\"id\": \"chatcmpl-fake\", \"object\": \"chat.completion\", \"choices\": [{\"mes");
                return;
            }
            calls.add(call);
            int completion = (content.length() + 3) / 4;
            Map<String, Object> response = Map.of(
                    "id", "chatcmpl-" + requests.get(),
                    "object", "chat.completion",
                    "created", System.currentTimeMillis() / 1000,
                    "model", model,
                    "choices", List.of(Map.of("index", 0,
                            "message", Map.of("role", "assistant", "content", content),
                            "finish_reason", "stop")),
                    "usage", Map.of("prompt_tokens", call.promptTokens(), "completion_tokens", completion,
                            "total_tokens", call.promptTokens() + completion));
            send(exchange, 200, JSON.writeValueAsString(response));
        }
    }

    private Call read(String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the body is not JSON");
        }
        String asked = json.path("model").asString("");
        if (!asked.equals(model)) {
            throw new IllegalArgumentException("The model `" + asked + "` does not exist");
        }
        JsonNode messages = json.path("messages");
        if (!messages.isArray() || messages.size() != 2 || !"system".equals(messages.get(0).path("role").asString(""))
                || !"user".equals(messages.get(1).path("role").asString(""))) {
            throw new IllegalArgumentException("expected a system and a user message: " + messages);
        }
        String system = messages.get(0).path("content").asString("");
        String user = messages.get(1).path("content").asString("");
        if (system.isBlank() || user.isBlank()) {
            throw new IllegalArgumentException("empty message content");
        }
        JsonNode limit = json.has("max_completion_tokens") ? json.path("max_completion_tokens") : json.path("max_tokens");
        if (!limit.isInt() || limit.asInt() < 1) {
            throw new IllegalArgumentException("max_tokens must be a positive integer, got " + limit);
        }
        int prompt = (system.length() + user.length() + 3) / 4 + 8;
        if (prompt + limit.asInt() > contextTokens) {
            throw new IllegalArgumentException("This model's maximum context length is " + contextTokens
                    + " tokens. However, you requested " + (prompt + limit.asInt()) + " tokens (" + prompt
                    + " in the messages, " + limit.asInt() + " in the completion).");
        }
        return new Call(asked, system, user, limit.asInt(), prompt);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        send(exchange, status, JSON.writeValueAsString(Map.of("error", Map.of("message", message,
                "type", status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error",
                "param", "", "code", code))));
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration time) {
        if (time.isZero()) {
            return;
        }
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
