package dev.tubebatch.inference.summary;

import dev.tubebatch.inference.Summarizer;
import dev.tubebatch.format.Durations;
import dev.tubebatch.inference.TimedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * An extractive summary on MiniLM sentence embeddings: every sentence is scored by its similarity to the whole
 * transcript (its centrality), then sentences are picked by maximal marginal relevance, so a point said three times
 * is taken once, and given back in the order they were spoken. The summary takes {@code summarySentences}; the key
 * points take {@code keyPoints}, each with the time its sentence starts.
 */
public final class ExtractiveSummarizer implements Summarizer {

    public static final String METHOD = "extractive-minilm";
    /** Weight of centrality against redundancy in the pick. */
    static final double LAMBDA = 0.7;
    /** Sentences this similar to one already picked say the same thing again: never picked. */
    static final double SAME_POINT = 0.9;
    /** Sentences this short carry no point of their own ("Okay.", "Thank you so much."). */
    static final int MIN_WORDS = 4;

    private final Supplier<MiniLmEmbedder> embedder;
    private final int summarySentences;
    private final int keyPoints;

    public ExtractiveSummarizer(Supplier<MiniLmEmbedder> embedder, int summarySentences, int keyPoints) {
        if (summarySentences < 1 || keyPoints < 0) {
            throw new IllegalArgumentException("summary sentences " + summarySentences + " must be >= 1, key points "
                    + keyPoints + " >= 0");
        }
        this.embedder = embedder;
        this.summarySentences = summarySentences;
        this.keyPoints = keyPoints;
    }

    @Override
    public Result summarize(String title, String text) {
        return summarize(title, List.of(new TimedText(0, 0, text)));
    }

    @Override
    public Result summarize(String title, List<TimedText> segments) {
        return summarize(title, segments, summarySentences);
    }

    /** With a summary of {@code sentences} sentences instead of the configured length (a batch's option). */
    @Override
    public Result summarize(String title, List<TimedText> segments, int sentences) {
        if (sentences < 1) {
            throw new IllegalArgumentException("summary sentences must be >= 1: " + sentences);
        }
        int summarySentences = sentences;
        List<Sentences.Sentence> all = Sentences.split(segments);
        List<Sentences.Sentence> substantial = all.stream()
                .filter(s -> s.text().split(" ").length >= MIN_WORDS).toList();
        List<Sentences.Sentence> candidates = substantial.isEmpty() ? all : substantial;
        if (candidates.isEmpty()) {
            return new Result(METHOD, "", List.of());
        }
        int wanted = Math.max(summarySentences, keyPoints);
        List<Integer> picked = pick(candidates, Math.min(wanted, candidates.size()));
        List<Integer> summary = sorted(picked.subList(0, Math.min(summarySentences, picked.size())));
        List<Integer> points = sorted(picked.subList(0, Math.min(keyPoints, picked.size())));
        String text = String.join(" ", summary.stream().map(i -> candidates.get(i).text()).toList());
        List<String> keyPointLines = new ArrayList<>();
        for (int i : points) {
            keyPointLines.add("[" + Durations.timestamp(candidates.get(i).start()) + "] " + candidates.get(i).text());
        }
        return new Result(METHOD, text, keyPointLines);
    }

    /** Indexes of the chosen sentences, best first. */
    List<Integer> pick(List<Sentences.Sentence> sentences, int count) {
        float[][] vectors = embedder.get().embed(sentences.stream().map(Sentences.Sentence::text).toList());
        int n = vectors.length;
        int dimensions = vectors[0].length;
        double[] centroid = new double[dimensions];
        for (float[] v : vectors) {
            for (int d = 0; d < dimensions; d++) {
                centroid[d] += v[d] / n;
            }
        }
        double[] centrality = new double[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dimensions; d++) {
                centrality[i] += vectors[i][d] * centroid[d];
            }
        }
        // Centralities differ by hundredths while similarities span the whole range: stretch them to [0, 1] so
        // the redundancy penalty does not drown the relevance.
        double low = java.util.Arrays.stream(centrality).min().orElse(0);
        double high = java.util.Arrays.stream(centrality).max().orElse(1);
        for (int i = 0; i < n; i++) {
            centrality[i] = high > low ? (centrality[i] - low) / (high - low) : 1;
        }
        double[] closestPicked = new double[n]; // highest similarity to anything picked so far
        java.util.Arrays.fill(closestPicked, -1);
        boolean[] taken = new boolean[n];
        List<Integer> picked = new ArrayList<>();
        for (int round = 0; round < count; round++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i] || closestPicked[i] >= SAME_POINT) {
                    continue;
                }
                double redundancy = picked.isEmpty() ? 0 : closestPicked[i];
                double score = LAMBDA * centrality[i] - (1 - LAMBDA) * redundancy;
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            if (best < 0) {
                break; // everything left repeats what was picked
            }
            taken[best] = true;
            picked.add(best);
            for (int i = 0; i < n; i++) {
                double similarity = 0;
                for (int d = 0; d < dimensions; d++) {
                    similarity += vectors[i][d] * vectors[best][d];
                }
                closestPicked[i] = Math.max(closestPicked[i], similarity);
            }
        }
        return picked;
    }

    private static List<Integer> sorted(List<Integer> indexes) {
        return indexes.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
