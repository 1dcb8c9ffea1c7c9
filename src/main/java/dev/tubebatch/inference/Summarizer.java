package dev.tubebatch.inference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Summarizes a transcript's text. */
public interface Summarizer {

    /**
     * A summary and its key points.
     *
     * @param method how it was made, e.g. {@code extractive-minilm} or {@code llm:<model>}
     * @param sections one summary per chapter or part; empty when the method makes none
     * @param note a remark for people (e.g. why the fallback made it); null when there is none
     * @param usage what the LLM calls took; null when no LLM was called
     */
    record Result(String method, String text, List<String> keyPoints, List<Section> sections, @Nullable String note,
            @Nullable Usage usage) {

        public Result {
            keyPoints = List.copyOf(keyPoints);
            sections = List.copyOf(sections);
        }

        public Result(String method, String text, List<String> keyPoints) {
            this(method, text, keyPoints, List.of(), null, null);
        }
    }

    /** A chapter (or part) of a recording: where it starts and ends, in seconds, and its title. */
    record Chapter(double start, double end, String title) {}

    /** The summary of one chapter or part, with where it starts. */
    record Section(double start, String title, String text) {}

    /** Calls that got an answer, tokens in and out as the server counted them, and the time the calls took. */
    record Usage(int calls, long tokensIn, long tokensOut, long millis) {

        public static final Usage NONE = new Usage(0, 0, 0, 0);

        public Usage plus(Usage other) {
            return new Usage(calls + other.calls, tokensIn + other.tokensIn, tokensOut + other.tokensOut,
                    millis + other.millis);
        }
    }

    /**
     * Everything a summarizer may use. Methods take what they can: the extractive one reads the segments and the
     * length; an LLM also the chapters, the preset, the instruction and the language.
     *
     * @param sentences the length in sentences (extractive); null for the configured length
     * @param preset one of {@link #PRESETS}; null for the plain summary
     * @param instruction the user's own words for the model; null for none
     * @param language the transcript's language code; null when unknown
     */
    record Request(String title, List<TimedText> segments, List<Chapter> chapters, @Nullable Integer sentences,
            @Nullable String preset, @Nullable String instruction, @Nullable String language) {

        public Request {
            segments = List.copyOf(segments);
            chapters = List.copyOf(chapters);
        }
    }

    /** The per-batch styles an LLM summary may take. */
    List<String> PRESETS = List.of("brief", "detailed", "study-notes", "action-items");

    Result summarize(String title, String text);

    /** Summarizes timed text; summarizers that can, give key points with their times ({@code [mm:ss] ...}). */
    default Result summarize(String title, List<TimedText> segments) {
        return summarize(title, String.join(" ", segments.stream().map(TimedText::text).toList()));
    }

    /**
     * Summarizes timed text in about {@code sentences} sentences, where the method has a length in sentences
     * (extractive); other methods keep their own length.
     */
    default Result summarize(String title, List<TimedText> segments, int sentences) {
        return summarize(title, segments);
    }

    /** Summarizes with everything known about the video and the batch's choices. */
    default Result summarize(Request request) {
        Integer sentences = request.sentences();
        return sentences == null ? summarize(request.title(), request.segments())
                : summarize(request.title(), request.segments(), sentences);
    }

    /**
     * Like {@link #summarize(Request)}, telling {@code progress} how far it is (0 to 1) where the method has stages
     * (an LLM's map and reduce calls); others report only the end.
     */
    default Result summarize(Request request, java.util.function.DoubleConsumer progress) {
        Result result = summarize(request);
        progress.accept(1);
        return result;
    }

    /**
     * Whether this summarizer computes on this machine (and so runs inside an inference slot); a remote model
     * keeps its own limit on calls.
     */
    default boolean local() {
        return true;
    }
}
