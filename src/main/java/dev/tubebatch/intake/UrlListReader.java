package dev.tubebatch.intake;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads pasted text or a URL file: one entry per line, {@code #} comments, blank lines, CRLF, a UTF-8 byte order
 * mark, or CSV with a {@code url} column as spreadsheets export it (quoted values that hold commas, doubled quotes or
 * newlines; {@code ;} instead of {@code ,} where the header line uses it). Repeated videos keep their first line;
 * later ones are reported.
 */
public final class UrlListReader {

    private static final int SHOWN_TEXT = 80;
    /**
     * Values are trimmed outside quotes (so {@code , "https://..."} still reads as a quoted URL), and lines starting
     * with {@code #} are comments in CSV as in plain lists.
     */
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvReadFeature.TRIM_SPACES, CsvReadFeature.ALLOW_COMMENTS).build();

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
        Collector collector = new Collector();
        int header = firstContentLine(lines);
        CsvLayout csv = header < 0 ? null : CsvLayout.of(lines[header]);
        if (csv == null) {
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    collector.add(i + 1, line);
                }
            }
        } else {
            readCsv(lines, header + 1, csv, collector);
        }
        return new UrlList(collector.entries, collector.rejections);
    }

    /** The separator and the place of the {@code url} column, when the first line is a CSV header naming one. */
    private record CsvLayout(char separator, int urlColumn) {

        /** A header has the separator and a column named url; a comma wins over a semicolon when both would do. */
        static @Nullable CsvLayout of(String header) {
            for (char separator : new char[] {',', ';'}) {
                if (header.indexOf(separator) < 0) {
                    continue;
                }
                try (JsonParser parser = parser(header, separator)) {
                    List<String> cells = nextRow(parser);
                    for (int i = 0; cells != null && i < cells.size(); i++) {
                        if (cells.get(i).strip().equalsIgnoreCase("url")) {
                            return new CsvLayout(separator, i);
                        }
                    }
                } catch (JacksonException notCsv) {
                    // then it is no header with this separator
                }
            }
            return null;
        }
    }

    /**
     * Reads the records after the header. A record may span lines (a quoted value holding a newline) and is
     * numbered by the line it starts on. A malformed record is reported on that line, and reading goes on at the
     * next line, so that one stray quote does not swallow the rest of the file.
     */
    private static void readCsv(String[] lines, int from, CsvLayout csv, Collector collector) {
        // One '\n' between lines, so that a line's offset follows from the lengths before it.
        String text = String.join("\n", lines);
        int[] starts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
        }
        int first = from;
        while (first < lines.length) {
            int recordLine = first;
            try (JsonParser parser = parser(from(text, starts[first]), csv.separator())) {
                while (true) {
                    if (parser.nextToken() != JsonToken.START_ARRAY) {
                        return;
                    }
                    // Blank and comment lines before the record are already skipped: this is its first line.
                    recordLine = first + parser.currentLocation().getLineNr() - 1;
                    List<String> cells = cells(parser);
                    int lineNumber = recordLine + 1;
                    if (cells.size() == 1 && cells.getFirst().isBlank()) {
                        continue;
                    }
                    if (cells.size() <= csv.urlColumn()) {
                        collector.reject(lineNumber, lines[recordLine].strip(), "no value in the url column");
                    } else {
                        collector.add(lineNumber, cells.get(csv.urlColumn()).strip());
                    }
                }
            } catch (JacksonException e) {
                collector.reject(recordLine + 1, lines[recordLine].strip(), "not valid CSV: " + e.getOriginalMessage());
                first = recordLine + 1;
            }
        }
    }

    private static JsonParser parser(String text, char separator) {
        return parser(new StringReader(text), separator);
    }

    private static JsonParser parser(Reader text, char separator) {
        return CSV.reader(CsvSchema.emptySchema().withColumnSeparator(separator)).createParser(text);
    }

    /** The text from {@code offset} on, without copying it: a file of malformed rows restarts once per row. */
    private static Reader from(String text, int offset) {
        StringReader reader = new StringReader(text);
        try {
            reader.skip(offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader that is open does not fail
        }
        return reader;
    }

    /** The next record's values, or null at the end. */
    private static @Nullable List<String> nextRow(JsonParser parser) {
        return parser.nextToken() == JsonToken.START_ARRAY ? cells(parser) : null;
    }

    private static List<String> cells(JsonParser parser) {
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            cells.add(parser.getString());
        }
        return cells;
    }

    /** Usable lines in order; each repeated video keeps its first line and the later ones are reported. */
    private static final class Collector {
        private final List<UrlList.Entry> entries = new ArrayList<>();
        private final List<UrlList.Rejection> rejections = new ArrayList<>();
        private final Map<YouTubeRef, Integer> firstLine = new HashMap<>();

        void add(int lineNumber, String candidate) {
            YouTubeUrls.Parsed parsed = YouTubeUrls.parse(candidate);
            YouTubeRef ref = parsed.ref();
            if (ref == null) { // not ok: rejected, with its reason
                reject(lineNumber, candidate, Objects.requireNonNull(parsed.error()));
                return;
            }
            Integer earlier = firstLine.putIfAbsent(ref, lineNumber);
            if (earlier != null) {
                reject(lineNumber, candidate, "duplicate of line " + earlier);
                return;
            }
            entries.add(new UrlList.Entry(lineNumber, ref));
        }

        void reject(int lineNumber, String text, String reason) {
            rejections.add(new UrlList.Rejection(lineNumber, shown(text), reason));
        }
    }

    private void checkSize(long bytes) {
        if (bytes > limits.maxInputBytes()) {
            throw new InputTooLargeException("The input is " + human(bytes) + "; the limit is "
                    + human(limits.maxInputBytes()) + ". Split it into several batches.");
        }
    }

    /** The index of the first line that is neither blank nor a comment, or -1. */
    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                return i;
            }
        }
        return -1;
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
