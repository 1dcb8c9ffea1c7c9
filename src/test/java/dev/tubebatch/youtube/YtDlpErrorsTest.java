package dev.tubebatch.youtube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YtDlpErrorsTest {

    static Stream<Arguments> yt_dlp_messages() {
        return Stream.of(
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download webpage: HTTP Error 429: Too Many Requests "
                        + "(caused by <HTTPError 429: Too Many Requests>)", YtDlpFailure.RATE_LIMITED),
                Arguments.of("ERROR: Unable to download video subtitles for 'en': HTTP Error 429: Too Many Requests",
                        YtDlpFailure.RATE_LIMITED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This content isn't available, try again "
                        + "later. The current session has been rate-limited by YouTube for up to an hour.",
                        YtDlpFailure.RATE_LIMITED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This content isn\u2019t available, try again "
                        + "later.", YtDlpFailure.RATE_LIMITED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm you\u2019re not a bot. Use --cookies-from-browser "
                        + "or --cookies for the authentication.", YtDlpFailure.BOT_CHECK),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm you're not a bot. This helps protect our community.",
                        YtDlpFailure.BOT_CHECK),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download API page: HTTP Error 500: Internal Server Error",
                        YtDlpFailure.SERVER_ERROR),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download webpage: HTTP Error 502: Bad Gateway",
                        YtDlpFailure.SERVER_ERROR),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download API page: HTTP Error 503: Service Unavailable "
                        + "(caused by <HTTPError 503: Service Unavailable>)", YtDlpFailure.SERVER_ERROR),
                Arguments.of("ERROR: unable to download video data: HTTP Error 504: Gateway Timeout", YtDlpFailure.SERVER_ERROR),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download webpage: <urlopen error [Errno -3] "
                        + "Temporary failure in name resolution> (caused by URLError(gaierror(-3, 'Temporary failure in name "
                        + "resolution')))", YtDlpFailure.NETWORK),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download webpage: [Errno 104] Connection reset by peer",
                        YtDlpFailure.NETWORK),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Unable to download API page: The read operation timed out",
                        YtDlpFailure.NETWORK),
                Arguments.of("ERROR: unable to download video data: HTTPSConnectionPool(host='rr1---sn.googlevideo.com', "
                        + "port=443): Read timed out.", YtDlpFailure.NETWORK),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access to this video",
                        YtDlpFailure.PRIVATE),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video is private", YtDlpFailure.PRIVATE),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable", YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video has been removed by the uploader",
                        YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: This video has been removed for violating YouTube's Terms of Service",
                        YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video is no longer available because the "
                        + "YouTube account associated with this video has been terminated.", YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube:tab] UCxxxxxxxxxxxxxxxxxxxxxx: This channel does not exist.", YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube:tab] PLxxxx: YouTube said: The playlist does not exist.", YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Join this channel to get access to members-only content like this "
                        + "video, and other exclusive perks.", YtDlpFailure.MEMBERS_ONLY),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: This video is available to this channel's members on level: "
                        + "Supporter (or any higher level). Join this channel to get access to members-only content.",
                        YtDlpFailure.MEMBERS_ONLY),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm your age. This video may be inappropriate for "
                        + "some users.", YtDlpFailure.AGE_RESTRICTED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: This video is age-restricted and only available on YouTube.",
                        YtDlpFailure.AGE_RESTRICTED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: This live event will begin in 3 hours.", YtDlpFailure.UPCOMING),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Premieres in 2 days", YtDlpFailure.UPCOMING),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. The uploader has not made this video available "
                        + "in your country", YtDlpFailure.GEO_BLOCKED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video contains content from SomeLabel, who "
                        + "has blocked it in your country on copyright grounds", YtDlpFailure.GEO_BLOCKED),
                Arguments.of("ERROR: Unsupported URL: https://example.com/nothing-here", YtDlpFailure.UNSUPPORTED_URL),
                Arguments.of("ERROR: [generic] None: 'x' is not a valid URL. Set --default-search \"ytsearch\" (or run  "
                        + "yt-dlp \"ytsearch:x\" ) to search YouTube", YtDlpFailure.UNSUPPORTED_URL),
                Arguments.of("ERROR: [youtube:truncated_id] dQw4w9W: Incomplete YouTube ID dQw4w9W. URL "
                        + "https://www.youtube.com/watch?v=dQw4w9W looks truncated.", YtDlpFailure.UNSUPPORTED_URL),
                Arguments.of("ERROR: [generic] None: Unable to download webpage: HTTP Error 404: File not found",
                        YtDlpFailure.REMOVED),
                Arguments.of("ERROR: [youtube] dQw4w9WgXcQ: Requested format is not available.", YtDlpFailure.UNKNOWN),
                Arguments.of("", YtDlpFailure.UNKNOWN));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("yt_dlp_messages")
    void each_yt_dlp_message_gets_its_failure(String stderr, YtDlpFailure expected) {
        assertThat(YtDlpErrors.classify(1, stderr)).isEqualTo(expected);
    }

    @Test
    void the_error_line_decides_over_earlier_warnings() {
        String stderr = """
                WARNING: [youtube] dQw4w9WgXcQ: Unable to download API page: HTTP Error 503: Service Unavailable. Retrying (1/3)...
                WARNING: [youtube] Video unavailable. Retrying...
                ERROR: [youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access to this video
                """;

        assertThat(YtDlpErrors.classify(1, stderr)).isEqualTo(YtDlpFailure.PRIVATE);
    }

    @Test
    void warnings_count_when_the_error_line_says_nothing_known() {
        String stderr = """
                WARNING: [youtube] dQw4w9WgXcQ: HTTP Error 429: Too Many Requests. Retrying (3/3)...
                ERROR: [youtube] dQw4w9WgXcQ: Requested format is not available. Use --list-formats for a list of available formats
                """;

        assertThat(YtDlpErrors.classify(1, stderr)).isEqualTo(YtDlpFailure.RATE_LIMITED);
    }

    @Test
    void a_missing_interpreter_means_yt_dlp_is_not_installed() {
        assertThat(YtDlpErrors.classify(127, "/usr/bin/env: 'python3': No such file or directory"))
                .isEqualTo(YtDlpFailure.NOT_INSTALLED);
        assertThat(YtDlpErrors.classify(1, "ModuleNotFoundError: No module named 'yt_dlp'"))
                .isEqualTo(YtDlpFailure.NOT_INSTALLED);
    }

    @Test
    void only_failures_that_can_pass_are_transient() {
        EnumSet<YtDlpFailure> transientOnes = EnumSet.noneOf(YtDlpFailure.class);
        for (YtDlpFailure failure : YtDlpFailure.values()) {
            if (failure.isTransient()) {
                transientOnes.add(failure);
            }
        }

        assertThat(transientOnes).containsExactlyInAnyOrder(YtDlpFailure.RATE_LIMITED, YtDlpFailure.BOT_CHECK,
                YtDlpFailure.NETWORK, YtDlpFailure.SERVER_ERROR, YtDlpFailure.TIMEOUT, YtDlpFailure.UNKNOWN);
    }

    @Test
    void the_summary_is_the_last_error_line() {
        String stderr = "WARNING: something\nERROR: first\nWARNING: later\nERROR: [youtube] x: Video unavailable\n";

        assertThat(YtDlpErrors.summary(stderr)).isEqualTo("ERROR: [youtube] x: Video unavailable");
        assertThat(YtDlpErrors.summary("just text\n")).isEqualTo("just text");
        assertThat(YtDlpErrors.summary(null)).isEmpty();
    }
}
