package dev.tubebatch.youtube;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * How yt-dlp is run.
 *
 * @param path the executable: a name looked up on {@code PATH} or a file path
 * @param timeout the longest a caption download, audio download or playlist listing may take
 * @param metadataTimeout the longest a metadata or version call may take
 * @param captionLanguages caption languages in order of preference; {@code en} also accepts {@code en-US}, {@code en-GB}...
 * @param cookiesFile where the YouTube cookies an admin gives are kept (owner-only; outside the output folders)
 */
@ConfigurationProperties("tubebatch.ytdlp")
public record YtDlpProperties(String path, Duration timeout, Duration metadataTimeout, List<String> captionLanguages,
        Path cookiesFile) {

    /** What yt-dlp accepts after {@code --sub-langs} without reading it as a regex or an option. */
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    @ConstructorBinding
    public YtDlpProperties {
        path = path == null || path.isBlank() ? "yt-dlp" : path.strip();
        cookiesFile = cookiesFile == null ? Path.of("data", "youtube-cookies.txt") : cookiesFile;
        timeout = positiveOr(timeout, Duration.ofMinutes(10), "timeout");
        metadataTimeout = positiveOr(metadataTimeout, Duration.ofMinutes(2), "metadataTimeout");
        captionLanguages = captionLanguages == null || captionLanguages.isEmpty()
                ? List.of("en")
                : captionLanguages.stream().map(String::strip).toList();
        for (String language : captionLanguages) {
            // Checked at startup so that a typo in the configuration fails fast, not on every video.
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException("tubebatch.ytdlp.caption-languages: not a language code: " + language);
            }
        }
    }

    /** The settings of a plain client: cookies, if any, in the default place. */
    @SuppressWarnings("NullAway") // null: the default
    public YtDlpProperties(String path, Duration timeout, Duration metadataTimeout, List<String> captionLanguages) {
        this(path, timeout, metadataTimeout, captionLanguages, null);
    }

    private static Duration positiveOr(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("tubebatch.ytdlp." + name + " must be positive: " + value);
        }
        return value;
    }
}
