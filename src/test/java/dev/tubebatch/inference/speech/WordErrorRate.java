package dev.tubebatch.inference.speech;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: word-level edit distance over the reference's word count, after lower-casing and dropping punctuation. */
public final class WordErrorRate {

    private WordErrorRate() {}

    static List<String> words(String text) {
        String plain = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").replace("'", "");
        return Arrays.stream(plain.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    public static double of(String reference, String hypothesis) {
        List<String> ref = words(reference);
        List<String> hyp = words(hypothesis);
        if (ref.isEmpty()) {
            return hyp.isEmpty() ? 0 : 1;
        }
        int[] row = new int[hyp.size() + 1];
        for (int j = 0; j <= hyp.size(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= ref.size(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= hyp.size(); j++) {
                int above = row[j];
                int cost = ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
                diagonal = above;
            }
        }
        return row[hyp.size()] / (double) ref.size();
    }
}
