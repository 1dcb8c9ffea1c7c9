package dev.tubebatch.youtube;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads yt-dlp's download progress lines. With {@code --newline} each update is a line of its own; the
 * {@link #TEMPLATE} keeps the line's start as yt-dlp's default one ({@code [download]  45.3% of ...}), so lines of
 * either form read the same: {@code [download]   0.2% of  469.20KiB at  290.56KiB/s ETA 00:01},
 * {@code [download]  12.0% of ~  3.50MiB at ...}, {@code [download] 100% of    1.00MiB in 00:00:01 at 10.00MiB/s}.
 * Lines without a percent ({@code [download] Destination: ...}, an unknown size's {@code N/A%}) give none.
 */
public final class DownloadProgress {

    /** What {@code --progress-template} is given: yt-dlp's own percent string, after the {@code [download]} tag. */
    public static final String TEMPLATE = "download:[download] %(progress._percent_str)s of %(progress._total_bytes_str)s";

    /** A colour escape that some yt-dlp versions put around the percent even without a terminal. */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern PERCENT = Pattern.compile("^\\[download\\]\\s+(\\d{1,3}(?:\\.\\d+)?)%");

    private DownloadProgress() {}

    /** The fraction done (0 to 1) that a progress line says, or empty for any other line. */
    public static OptionalDouble fraction(String line) {
        Matcher matcher = PERCENT.matcher(ANSI.matcher(line).replaceAll("").strip());
        if (!matcher.find()) {
            return OptionalDouble.empty();
        }
        double percent = Double.parseDouble(matcher.group(1));
        return percent > 100 ? OptionalDouble.empty() : OptionalDouble.of(percent / 100);
    }
}
