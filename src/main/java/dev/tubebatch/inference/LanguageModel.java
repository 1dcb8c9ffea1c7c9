package dev.tubebatch.inference;

/**
 * A chat model behind an OpenAI-compatible server, with this process's limit on calls at once and retries with
 * backoff. A bean only when {@code tubebatch.llm} is configured.
 */
public interface LanguageModel {

    /**
     * One answer.
     *
     * @param finishReason the server's {@code finish_reason} in lower case ({@code stop}, {@code length}...)
     * @param usage one call, its tokens and the time taken (retries and waits included)
     */
    record Reply(String text, String finishReason, Summarizer.Usage usage) {}

    /**
     * Asks once (retrying transient failures).
     *
     * @throws SummaryFailedException when no answer came; the message names the reason and holds no secret
     */
    Reply ask(String system, String user, int maxOutputTokens);

    /**
     * One request, no retry (the connection test): the answer, or a {@link SummaryFailedException} naming the error.
     */
    Reply askOnce(String system, String user, int maxOutputTokens);

    /** The server's base URL, for people. */
    String endpoint();

    String model();
}
