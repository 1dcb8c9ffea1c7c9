package dev.tubebatch.export;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * File and folder names made from user text (batch names, video titles). The result never contains a path
 * separator, a control or bidi-format character, a leading dot or {@code ..}, is never a name Windows reserves
 * ({@code CON}, {@code NUL}, {@code COM1}...), is at most {@code maxLength} characters and {@link #MAX_BYTES} bytes
 * of UTF-8, and is the same for the same input, so re-runs write to the same place. Letters of any script are kept,
 * with their combining marks (Devanagari vowel signs, Arabic harakat).
 */
public final class SafeNames {

    /** A slug never takes more than this many UTF-8 bytes, so prefix + slug stays under the usual 255-byte limit. */
    public static final int MAX_BYTES = 180;

    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul",
            "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9", "conin$", "conout$");

    private SafeNames() {}

    public static String slug(@Nullable String text, int maxLength, String fallback) {
        if (text == null) {
            return fallback;
        }
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int codePoints = 0;
        int bytes = 0;
        boolean dash = false;
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            i += Character.charCount(cp);
            boolean keep = Character.isLetterOrDigit(cp) || isMark(cp) && !out.isEmpty() && !dash;
            if (keep) {
                int size = utf8Length(cp);
                if (codePoints >= maxLength || bytes + size > MAX_BYTES) {
                    break;
                }
                out.appendCodePoint(cp);
                codePoints++;
                bytes += size;
                dash = false;
            } else if (!dash && !out.isEmpty()) {
                out.append('-');
                codePoints++;
                bytes++;
                dash = true;
            }
        }
        String slug = out.toString().replaceAll("-+$", "");
        if (slug.isEmpty()) {
            return fallback;
        }
        // "con" is as dangerous as "con.txt" on Windows; a slug has no dots, so the whole name is the base name.
        return WINDOWS_RESERVED.contains(slug) ? slug + "-" + fallback : slug;
    }

    /** True if {@code name} could have come from {@link #slug}: what a path check accepts as one generated part. */
    static boolean isSafePart(@Nullable String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")
                || name.getBytes(StandardCharsets.UTF_8).length > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '/' || cp == '\\' || cp == ':' || Character.isISOControl(cp)
                    || Character.getType(cp) == Character.FORMAT) {
                return false;
            }
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return !WINDOWS_RESERVED.contains(base.toLowerCase(Locale.ROOT));
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
