package dev.tubebatch.inference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenAI-compatible chat-completions server that LLM summaries use ({@code tubebatch.llm.*}), e.g. Ollama at
 * {@code http://localhost:11434/v1}. Nothing is called unless {@code base-url} and {@code model} are set.
 *
 * @param baseUrl the API's base, ending before {@code /chat/completions}
 * @param model the model name the server knows
 * @param apiKey the key (better from the environment: {@code TUBEBATCH_LLM_API_KEY}); never logged or shown
 * @param apiKeyFile a file holding the key, read when {@code apiKey} is not set
 * @param contextTokens the model's context length; map-reduce keeps every request within it
 * @param maxOutputTokens the longest answer asked for, in tokens
 * @param concurrency LLM calls at once in this process
 * @param maxAttempts tries per call on 429, 5xx, timeouts and unreadable answers
 * @param backoff the first wait between tries, doubled each time up to {@code maxBackoff}
 * @param timeout the longest one call may take
 * @param fallback {@code extractive}: when the LLM fails, the bundled extractive summary is made and says so;
 *     {@code none}: the SUMMARIZE step is retried later
 * @param pricePer1kInputTokens optional price of 1,000 prompt tokens, for the cost in stats.json
 * @param pricePer1kOutputTokens optional price of 1,000 completion tokens
 */
@ConfigurationProperties("tubebatch.llm")
public record LlmProperties(@Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
        @Nullable Path apiKeyFile, Integer contextTokens, Integer maxOutputTokens, Integer concurrency,
        Integer maxAttempts, Duration backoff, Duration maxBackoff, Duration timeout, String fallback,
        @Nullable BigDecimal pricePer1kInputTokens, @Nullable BigDecimal pricePer1kOutputTokens) {

    // Null is how Spring's binder says "not configured"; each default is set here, once.
    @SuppressWarnings("NullAway")
    public LlmProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        model = model == null || model.isBlank() ? null : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        contextTokens = atLeast("context-tokens", contextTokens, 8192, 512);
        maxOutputTokens = atLeast("max-output-tokens", maxOutputTokens, 512, 16);
        if (maxOutputTokens * 2 > contextTokens) {
            throw new IllegalArgumentException("tubebatch.llm.max-output-tokens (" + maxOutputTokens
                    + ") must be at most half of tubebatch.llm.context-tokens (" + contextTokens + ")");
        }
        concurrency = atLeast("concurrency", concurrency, 4, 1);
        maxAttempts = atLeast("max-attempts", maxAttempts, 4, 1);
        backoff = backoff == null ? Duration.ofSeconds(1) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        fallback = fallback == null || fallback.isBlank() ? "extractive" : fallback.strip().toLowerCase(Locale.ROOT);
        if (!fallback.equals("extractive") && !fallback.equals("none")) {
            throw new IllegalArgumentException("tubebatch.llm.fallback: expected extractive or none, got '"
                    + fallback + "'");
        }
        if (baseUrl != null && !baseUrl.matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("tubebatch.llm.base-url: expected an http(s) URL, got '" + baseUrl
                    + "'");
        }
    }

    /** Whether an LLM is configured: a base URL and a model. */
    public boolean configured() {
        return baseUrl != null && model != null;
    }

    public boolean extractiveFallback() {
        return fallback.equals("extractive");
    }

    /** The key from {@code api-key} or else {@code api-key-file}; null when neither is set (Ollama needs none). */
    public @Nullable String key() {
        if (apiKey != null) {
            return apiKey;
        }
        if (apiKeyFile == null) {
            return null;
        }
        try {
            String key = Files.readString(apiKeyFile, StandardCharsets.UTF_8).strip();
            return key.isEmpty() ? null : key;
        } catch (IOException e) {
            throw new UncheckedIOException("tubebatch.llm.api-key-file: cannot read " + apiKeyFile, e);
        }
    }

    /** The cost of these tokens at the configured prices; null when no price is set. */
    public @Nullable BigDecimal cost(long tokensIn, long tokensOut) {
        if (pricePer1kInputTokens == null && pricePer1kOutputTokens == null) {
            return null;
        }
        BigDecimal in = pricePer1kInputTokens == null ? BigDecimal.ZERO : pricePer1kInputTokens;
        BigDecimal out = pricePer1kOutputTokens == null ? BigDecimal.ZERO : pricePer1kOutputTokens;
        return in.multiply(BigDecimal.valueOf(tokensIn)).add(out.multiply(BigDecimal.valueOf(tokensOut)))
                .divide(BigDecimal.valueOf(1000)).setScale(6, java.math.RoundingMode.HALF_UP);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "LlmProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "unset"
                : "(set)") + ", apiKeyFile=" + apiKeyFile + ", contextTokens=" + contextTokens + ", maxOutputTokens="
                + maxOutputTokens + ", concurrency=" + concurrency + ", maxAttempts=" + maxAttempts + ", fallback="
                + fallback + "]";
    }

    private static int atLeast(String name, @Nullable Integer value, int fallback, int minimum) {
        if (value == null) {
            return fallback;
        }
        if (value < minimum) {
            throw new IllegalArgumentException("tubebatch.llm." + name + " must be at least " + minimum + ": "
                    + value);
        }
        return value;
    }
}
