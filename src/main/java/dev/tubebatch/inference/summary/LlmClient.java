package dev.tubebatch.inference.summary;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.tubebatch.inference.LanguageModel;
import dev.tubebatch.inference.LlmProperties;
import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.inference.SummaryFailedException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenAI-compatible chat client (LangChain4j's, with its own retries and request logging off): at most
 * {@code concurrency} calls at once in this process, and each call tried up to {@code max-attempts} times on 429,
 * 5xx, timeouts and unreadable answers, waiting {@code backoff}·2^(n-1) (capped, jittered) in between. Refusals
 * (a bad key, an unknown model, a bad request) are not retried. No message it writes holds the key.
 */
final class LlmClient implements LanguageModel {

    private static final Logger log = LoggerFactory.getLogger(LlmClient.class);
    private static final int MAX_ERROR_CHARS = 300;

    private final LlmProperties properties;
    private final ChatModel chat;
    private final Semaphore permits;
    private final @Nullable String key;

    LlmClient(LlmProperties properties) {
        if (!properties.configured()) {
            throw new IllegalStateException("tubebatch.llm.base-url and tubebatch.llm.model must be set");
        }
        this.properties = properties;
        this.key = properties.key();
        this.chat = OpenAiChatModel.builder()
                .baseUrl(properties.baseUrl())
                .modelName(properties.model())
                // Servers without keys (Ollama, llama.cpp) ignore the header; the client wants some value.
                .apiKey(key == null ? "none" : key)
                .timeout(properties.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        this.permits = new Semaphore(properties.concurrency(), true);
    }

    @Override
    public String endpoint() {
        return Objects.requireNonNull(properties.baseUrl());
    }

    @Override
    public String model() {
        return Objects.requireNonNull(properties.model());
    }

    @Override
    public Reply askOnce(String system, String user, int maxOutputTokens) {
        long started = System.nanoTime();
        try {
            return reply(call(request(system, user, maxOutputTokens)), started);
        } catch (SummaryFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SummaryFailedException(describe(e), !(e instanceof NonRetriableException));
        }
    }

    private static ChatRequest request(String system, String user, int maxOutputTokens) {
        return ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .maxOutputTokens(maxOutputTokens)
                .build();
    }

    @Override
    public Reply ask(String system, String user, int maxOutputTokens) {
        ChatRequest request = request(system, user, maxOutputTokens);
        long started = System.nanoTime();
        String lastError = "no try was made";
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleep(delay(attempt - 1), lastError);
            }
            try {
                ChatResponse response = call(request);
                return reply(response, started);
            } catch (NonRetriableException e) {
                throw new SummaryFailedException("The LLM refused the request: " + describe(e), false);
            } catch (SummaryFailedException e) {
                throw e;
            } catch (RuntimeException e) {
                lastError = describe(e);
                log.warn("LLM call {}/{} to {} failed: {}", attempt, properties.maxAttempts(), endpoint(), lastError);
            }
        }
        throw new SummaryFailedException("The LLM did not answer after " + properties.maxAttempts() + " tries: "
                + lastError, true);
    }

    private ChatResponse call(ChatRequest request) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SummaryFailedException("Interrupted while waiting for an LLM call", true);
        }
        try {
            return chat.chat(request);
        } finally {
            permits.release();
        }
    }

    private static Reply reply(ChatResponse response, long started) {
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? ""
                : response.aiMessage().text();
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        String finish = response.finishReason() == null ? "unknown"
                : response.finishReason().name().toLowerCase(Locale.ROOT);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return new Reply(text, finish, new Summarizer.Usage(1, in, out, millis));
    }

    private Duration delay(int retry) {
        long base = properties.backoff().toMillis();
        long capped = Math.min(properties.maxBackoff().toMillis(), base << Math.min(retry - 1, 20));
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    private static void sleep(Duration delay, String lastError) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SummaryFailedException("Interrupted while waiting to retry the LLM (" + lastError + ")", true);
        }
    }

    /** The status and the start of the server's message, without the key even where the server echoes it. */
    private String describe(Throwable e) {
        Integer status = null;
        String message = null;
        for (Throwable t = e; t != null && status == null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                status = http.statusCode();
                message = http.getMessage();
            }
        }
        if (message == null) {
            message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        message = message.replaceAll("\\s+", " ").strip();
        if (message.length() > MAX_ERROR_CHARS) {
            message = message.substring(0, MAX_ERROR_CHARS) + "…";
        }
        return redact((status == null ? "" : "HTTP " + status + ": ") + message);
    }

    String redact(String text) {
        return key == null || key.isEmpty() ? text : text.replace(key, "[key]");
    }
}
