package dev.tubebatch.youtube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The YouTube cookies an admin gave (a Netscape cookies file, as browser extensions export it), kept in one
 * owner-only file at {@code tubebatch.ytdlp.cookies-file}, outside the output folders. Each yt-dlp call gets its own
 * owner-only copy ({@code --cookies}; yt-dlp rewrites the file it is given), deleted after the call. The cookies
 * themselves are never logged, returned or exported: only how many there are and when they expire.
 */
@Component
public class CookieJar {

    private static final Logger log = LoggerFactory.getLogger(CookieJar.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public CookieJar(YtDlpProperties properties) {
        this.file = properties.cookiesFile().toAbsolutePath();
    }

    /** What is known of the stored cookies without showing them: none, or how many and when the first expires. */
    public record Info(boolean present, int cookies, @Nullable Instant expires) {}

    public Info info() {
        if (!Files.isRegularFile(file)) {
            return new Info(false, 0, null);
        }
        try {
            List<Cookie> cookies = parse(Files.readString(file, StandardCharsets.UTF_8));
            return new Info(true, cookies.size(), firstExpiry(cookies));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("The stored YouTube cookies file {} cannot be read; it is ignored", file);
            return new Info(false, 0, null);
        }
    }

    /**
     * Stores {@code text} as the cookies, replacing any before.
     *
     * @throws IllegalArgumentException naming the line that is not a Netscape cookie line (never its content)
     */
    public Info store(String text) {
        List<Cookie> cookies = parse(text);
        if (cookies.isEmpty()) {
            throw new IllegalArgumentException("The cookies file holds no cookies");
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".cookies-", ".part",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the cookies in " + file, e);
        }
        log.info("YouTube cookies stored ({} cookies)", cookies.size());
        return new Info(true, cookies.size(), firstExpiry(cookies));
    }

    /** Removes the stored cookies; returns whether there were any. */
    public boolean remove() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An owner-only copy of the cookies for one call, in {@code directory}; empty when there are none. */
    Optional<Path> copyFor(Path directory) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            Path copy = Files.createTempFile(directory, "cookies-", ".txt", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the YouTube cookies", e);
        }
    }

    /** Whether cookies are stored. */
    public boolean present() {
        return Files.isRegularFile(file);
    }

    record Cookie(String domain, long expiresEpochSeconds) {}

    /**
     * Netscape cookie lines: 7 fields separated by tabs (domain, include subdomains, path, secure, expiry in epoch
     * seconds, name, value); {@code #} comments and blank lines skipped, {@code #HttpOnly_} prefixes read.
     */
    static List<Cookie> parse(String text) {
        List<Cookie> cookies = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("#HttpOnly_")) {
                line = line.substring("#HttpOnly_".length());
            } else if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 7) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": not a Netscape cookie line (7 fields"
                        + " separated by tabs: domain, subdomains, path, secure, expiry, name, value)");
            }
            long expires;
            try {
                expires = Long.parseLong(fields[4].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": the expiry (field 5) is not a number");
            }
            cookies.add(new Cookie(fields[0].strip().toLowerCase(Locale.ROOT), expires));
        }
        return cookies;
    }

    /** The first expiry among YouTube's and Google's cookies that expire (0 is a session cookie). */
    static @Nullable Instant firstExpiry(List<Cookie> cookies) {
        return cookies.stream()
                .filter(c -> c.domain().endsWith("youtube.com") || c.domain().endsWith("google.com"))
                .filter(c -> c.expiresEpochSeconds() > 0)
                .map(c -> Instant.ofEpochSecond(c.expiresEpochSeconds()))
                .min(Instant::compareTo).orElse(null);
    }
}
