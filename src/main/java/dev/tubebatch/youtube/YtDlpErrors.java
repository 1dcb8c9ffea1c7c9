package dev.tubebatch.youtube;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Tells why yt-dlp failed from its exit status and what it wrote to stderr. */
public final class YtDlpErrors {

    /** The shell's "command not found": yt-dlp's interpreter is missing (a {@code #!/usr/bin/env python3} script). */
    private static final int COMMAND_NOT_FOUND = 127;

    /*
     * yt-dlp's own wording (and YouTube's, which it repeats), most specific first: "Video unavailable. The uploader
     * has not made this video available in your country" is geo-blocking, not removal, and "Video unavailable. This
     * video is private" is private. Rate limiting and bot checks come first because YouTube's throttling pages reuse
     * the wording of permanent errors ("This content isn't available").
     */
    private static final List<Map.Entry<YtDlpFailure, Pattern>> RULES = List.of(
            rule(YtDlpFailure.RATE_LIMITED, "HTTP Error 429", "Too Many Requests", "rate[- ]limit",
                    "This content isn.t available, try again later"),
            rule(YtDlpFailure.BOT_CHECK, "confirm you(?:['\u2019]re| are) not a bot"),
            rule(YtDlpFailure.MEMBERS_ONLY, "members[- ]only", "Join this channel to get access",
                    "available to this channel.s members"),
            rule(YtDlpFailure.AGE_RESTRICTED, "Sign in to confirm your age", "age[- ]restricted",
                    "inappropriate for some users"),
            rule(YtDlpFailure.PRIVATE, "Private video", "This video is private", "This playlist is private"),
            rule(YtDlpFailure.UPCOMING, "This live event will begin in", "Premieres? in ", "Premiere will begin",
                    "live event will begin"),
            rule(YtDlpFailure.GEO_BLOCKED, "not made this video available in your country", "blocked it in your country",
                    "not available (?:in your country|from your location)", "geo[- ]restrict"),
            rule(YtDlpFailure.REMOVED, "Video unavailable", "This video has been removed", "no longer available",
                    "does not exist", "account associated with this video has been terminated", "HTTP Error 404",
                    "HTTP Error 410"),
            rule(YtDlpFailure.UNSUPPORTED_URL, "Unsupported URL", "is not a valid URL", "Incomplete YouTube ID"),
            rule(YtDlpFailure.SERVER_ERROR, "HTTP Error 5\\d\\d"),
            rule(YtDlpFailure.NETWORK, "Temporary failure in name resolution", "Name or service not known",
                    "getaddrinfo failed", "Failed to resolve", "Connection reset by peer", "Connection refused",
                    "Connection aborted", "Remote end closed connection", "Network is unreachable", "No route to host",
                    "timed out", "IncompleteRead", "urlopen error", "EOF occurred in violation of protocol"),
            rule(YtDlpFailure.NOT_INSTALLED, "No module named '?yt_dlp"));

    private YtDlpErrors() {}

    /**
     * Classifies a failed call. The {@code ERROR:} lines decide; only when they say nothing recognisable does the
     * rest of stderr (warnings about retries, for example) count.
     */
    public static YtDlpFailure classify(int exitCode, String stderr) {
        if (exitCode == COMMAND_NOT_FOUND) {
            return YtDlpFailure.NOT_INSTALLED;
        }
        String text = stderr == null ? "" : stderr;
        YtDlpFailure fromErrors = match(errorLines(text));
        return fromErrors != YtDlpFailure.UNKNOWN ? fromErrors : match(text);
    }

    /** The line that best explains a failure, for messages: the last {@code ERROR:} line, else the last line. */
    static String summary(String stderr) {
        if (stderr == null || stderr.isBlank()) {
            return "";
        }
        String errors = errorLines(stderr);
        List<String> lines = (errors.isEmpty() ? stderr : errors).lines().filter(line -> !line.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast().strip();
    }

    private static String errorLines(String stderr) {
        StringBuilder errors = new StringBuilder();
        stderr.lines().filter(line -> line.startsWith("ERROR:")).forEach(line -> errors.append(line).append('\n'));
        return errors.toString();
    }

    private static YtDlpFailure match(String text) {
        if (text.isEmpty()) {
            return YtDlpFailure.UNKNOWN;
        }
        for (Map.Entry<YtDlpFailure, Pattern> rule : RULES) {
            if (rule.getValue().matcher(text).find()) {
                return rule.getKey();
            }
        }
        return YtDlpFailure.UNKNOWN;
    }

    private static Map.Entry<YtDlpFailure, Pattern> rule(YtDlpFailure failure, String... phrases) {
        return Map.entry(failure, Pattern.compile(String.join("|", phrases), Pattern.CASE_INSENSITIVE));
    }
}
