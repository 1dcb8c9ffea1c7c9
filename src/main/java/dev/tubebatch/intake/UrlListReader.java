package dev.tubebatch.intake;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads pasted text or a URL file: one entry per line, {@code #} comments, blank lines, CRLF, a UTF-8 byte order
 * mark, or CSV with a {@code url} column. Repeated videos keep their first line; later ones are reported.
 */
public final class UrlListReader {

    private static final int SHOWN_TEXT = 80;

    private final IntakeLimits limits;

    public UrlListReader(IntakeLimits limits) {
        this.limits = limits;
    }

    /** Reads an uploaded file: it must be UTF-8 text. */
    public UrlList read(byte[] content) {
        checkSize(content.length);
        for (byte b : content) {
            if (b == 0) {
                throw new IllegalArgumentException("The file is binary, not a text file of URLs");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return read(text);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The file is not UTF-8 text");
        }
    }

    /** Reads pasted text. */
    public UrlList read(String text) {
        checkSize(text.length() > limits.maxInputBytes() ? text.getBytes(StandardCharsets.UTF_8).length
                : text.length());
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        // A final line break ends the last line; it does not start another (split leaves an empty string there).
        int lineCount = text.endsWith("\n") || text.endsWith("\r") ? lines.length - 1 : lines.length;
        if (lineCount > limits.maxLines()) {
            throw new InputTooLargeException("The input has " + lineCount + " lines; the limit is "
                    + limits.maxLines() + ". Split it into several batches.");
        }
        int urlColumn = -1;
        int firstData = 0;
        String header = firstContentLine(lines);
        if (header != null && header.contains(",")) {
            String[] columns = header.split(",", -1);
            for (int i = 0; i < columns.length; i++) {
                if (unquote(columns[i]).equalsIgnoreCase("url")) {
                    urlColumn = i;
                }
            }
            if (urlColumn >= 0) {
                firstData = indexOf(lines, header) + 1;
            }
        }
        List<UrlList.Entry> entries = new ArrayList<>();
        List<UrlList.Rejection> rejections = new ArrayList<>();
        Map<YouTubeRef, Integer> firstLine = new HashMap<>();
        for (int i = firstData; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String candidate = line;
            if (urlColumn >= 0) {
                String[] cells = line.split(",", -1);
                if (cells.length <= urlColumn) {
                    rejections.add(new UrlList.Rejection(lineNumber, shown(line), "no value in the url column"));
                    continue;
                }
                candidate = unquote(cells[urlColumn]);
            }
            YouTubeUrls.Parsed parsed = YouTubeUrls.parse(candidate);
            if (parsed.ref() == null) { // not ok: rejected, with its reason
                rejections.add(new UrlList.Rejection(lineNumber, shown(candidate),
                        Objects.requireNonNull(parsed.error())));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(parsed.ref(), lineNumber);
            if (earlier != null) {
                rejections.add(new UrlList.Rejection(lineNumber, shown(candidate), "duplicate of line " + earlier));
                continue;
            }
            entries.add(new UrlList.Entry(lineNumber, parsed.ref()));
        }
        return new UrlList(entries, rejections);
    }

    private void checkSize(long bytes) {
        if (bytes > limits.maxInputBytes()) {
            throw new InputTooLargeException("The input is " + human(bytes) + "; the limit is "
                    + human(limits.maxInputBytes()) + ". Split it into several batches.");
        }
    }

    private static @Nullable String firstContentLine(String[] lines) {
        for (String line : lines) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return stripped;
            }
        }
        return null;
    }

    private static int indexOf(String[] lines, String stripped) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(stripped)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s.strip();
    }

    private static String shown(String text) {
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(SHOWN_TEXT)
                .forEach(c -> safe.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > SHOWN_TEXT ? safe + "…" : safe.toString();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
