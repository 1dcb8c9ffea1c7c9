package dev.tubebatch.export;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File and folder names made from user text (batch names, video titles). The result never contains a path
 * separator, a control character, a leading dot or {@code ..}, is at most {@code maxLength} characters, and is
 * the same for the same input, so re-runs write to the same place. Letters of any script are kept.
 */
public final class SafeNames {

    private SafeNames() {}

    public static String slug(String text, int maxLength, String fallback) {
        if (text == null) {
            return fallback;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (out.codePointCount(0, out.length()) >= maxLength) {
                    break;
                }
                out.appendCodePoint(cp);
                dash = false;
            } else if (!dash && !out.isEmpty()) {
                out.append('-');
                dash = true;
            }
        }
        String slug = out.toString().replaceAll("-+$", "");
        return slug.isEmpty() ? fallback : slug;
    }
}
