package dev.tubebatch.youtube.budget;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard the cluster may ask YouTube, all nodes together ({@code tubebatch.youtube.*}).
 *
 * @param requestsPerMinute the budget's steady rate, in weighted calls a minute (see {@link CallKind})
 * @param burst the most calls that may go at once after a quiet time
 * @param maxWait the longest a call waits for its turn inside a job; a longer wait releases the worker and the video
 *     waits in the queue instead
 * @param sleepRequests yt-dlp's {@code --sleep-requests}, seconds between the HTTP requests of one call; 0 leaves it off
 * @param sleepSubtitles yt-dlp's {@code --sleep-subtitles}, seconds before a caption download; 0 leaves it off
 * @param breaker when calls stop for everyone
 * @param proxies http, https or socks5 proxy URLs ({@code scheme://[user:password@]host:port}), taken in turn per call;
 *     empty: calls go direct
 */
@ConfigurationProperties("tubebatch.youtube")
public record YouTubeProperties(Double requestsPerMinute, Integer burst, Duration maxWait, Double sleepRequests,
        Double sleepSubtitles, Breaker breaker, List<String> proxies) {

    public static final double DEFAULT_REQUESTS_PER_MINUTE = 10;

    public YouTubeProperties {
        requestsPerMinute = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        if (!(requestsPerMinute > 0)) {
            throw new IllegalArgumentException("tubebatch.youtube.requests-per-minute must be positive: "
                    + requestsPerMinute);
        }
        burst = burst == null ? 5 : burst;
        if (burst < 1) {
            throw new IllegalArgumentException("tubebatch.youtube.burst must be at least 1: " + burst);
        }
        maxWait = maxWait == null ? Duration.ofMinutes(1) : maxWait;
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("tubebatch.youtube.max-wait must not be negative: " + maxWait);
        }
        sleepRequests = nonNegative(sleepRequests, 0.75, "sleep-requests");
        sleepSubtitles = nonNegative(sleepSubtitles, 0, "sleep-subtitles");
        breaker = breaker == null ? Breaker.defaults() : breaker;
        proxies = proxies == null ? List.of() : proxies.stream().filter(p -> p != null && !p.isBlank()).toList();
    }

    /** Defaults everywhere: for code that runs without Spring (tests, the benchmark). */
    public static YouTubeProperties defaults() {
        return of(DEFAULT_REQUESTS_PER_MINUTE, 5, null);
    }

    /** A budget of {@code requestsPerMinute} and {@code burst}, with the given breaker (null: the default one). */
    @SuppressWarnings("NullAway") // null stands for "the default", as when the setting is absent
    public static YouTubeProperties of(double requestsPerMinute, int burst, @Nullable Breaker breaker) {
        return new YouTubeProperties(requestsPerMinute, burst, null, null, null, breaker, null);
    }

    /** The same settings with calls through {@code proxies}. */
    public YouTubeProperties withProxies(List<String> proxies) {
        return new YouTubeProperties(requestsPerMinute, burst, maxWait, sleepRequests, sleepSubtitles, breaker, proxies);
    }

    /** The steady rate in weighted calls a second. */
    public double perSecond() {
        return requestsPerMinute() / 60.0;
    }

    private static double nonNegative(@Nullable Double value, double fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value.isNaN()) {
            throw new IllegalArgumentException("tubebatch.youtube." + name + " must not be negative: " + value);
        }
        return value;
    }

    /**
     * The circuit breaker ({@code tubebatch.youtube.breaker.*}).
     *
     * @param threshold bot checks and 429s within {@code window}, on all nodes, that trip it
     * @param window the time over which blocks are counted
     * @param cooldown how long no call is made after a trip
     * @param maxCooldown the cap of the cool-down, which doubles while trips follow each other
     * @param enabled false makes blocks ordinary transient failures (for tests of other behaviour)
     */
    public record Breaker(Integer threshold, Duration window, Duration cooldown, Duration maxCooldown,
            Boolean enabled) {

        public Breaker {
            threshold = threshold == null ? 3 : threshold;
            if (threshold < 1) {
                throw new IllegalArgumentException("tubebatch.youtube.breaker.threshold must be at least 1: "
                        + threshold);
            }
            window = positive(window, Duration.ofMinutes(2), "window");
            cooldown = positive(cooldown, Duration.ofMinutes(15), "cooldown");
            maxCooldown = positive(maxCooldown, Duration.ofHours(4), "max-cooldown");
            if (maxCooldown.compareTo(cooldown) < 0) {
                throw new IllegalArgumentException("tubebatch.youtube.breaker.max-cooldown (" + maxCooldown
                        + ") is shorter than the cooldown (" + cooldown + ")");
            }
            enabled = enabled == null || enabled;
        }

        /** Every breaker setting at its default. */
        @SuppressWarnings("NullAway") // null stands for "the default", as when the setting is absent
        public static Breaker defaults() {
            return new Breaker(null, null, null, null, null);
        }

        /** A breaker of {@code threshold} blocks within {@code window}, cooling down from {@code cooldown} to the cap. */
        @SuppressWarnings("NullAway") // null: the default
        public static Breaker of(int threshold, Duration window, Duration cooldown, Duration maxCooldown) {
            return new Breaker(threshold, window, cooldown, maxCooldown, null);
        }

        private static Duration positive(@Nullable Duration value, Duration fallback, String name) {
            if (value == null) {
                return fallback;
            }
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("tubebatch.youtube.breaker." + name + " must be positive: " + value);
            }
            return value;
        }
    }
}
