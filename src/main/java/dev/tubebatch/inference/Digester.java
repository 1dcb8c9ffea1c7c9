package dev.tubebatch.inference;

import java.util.List;
import java.util.Map;

/** Writes a digest across many videos' summaries: their common themes and a line per video. */
public interface Digester {

    /** A video as the digest reads it: its number in the batch, its title and its summary. */
    record Entry(int position, String title, String summary) {}

    /**
     * @param lines a line per video, by position; a video the model gave no line is missing
     */
    record Digest(String method, List<String> themes, Map<Integer, String> lines, Summarizer.Usage usage) {

        public Digest {
            themes = List.copyOf(themes);
            lines = Map.copyOf(lines);
        }
    }

    /**
     * @throws SummaryFailedException when the model does not answer
     */
    Digest digest(String batchName, List<Entry> entries);
}
