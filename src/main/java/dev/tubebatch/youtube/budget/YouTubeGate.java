package dev.tubebatch.youtube.budget;

import dev.tubebatch.format.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where every yt-dlp call that reaches YouTube asks for its turn and reports a block: the breaker first, then the
 * shared budget. A call whose turn is near waits here (its video shows {@link #WAITING_FOR_BUDGET}); one whose turn is
 * far, or that meets an open breaker, gets {@link GateClosed} and its video waits in the queue without using a try.
 */
@Component
public class YouTubeGate {

    /** What a video's status says while its call waits for the budget. */
    public static final String WAITING_FOR_BUDGET = "Waiting for YouTube budget";

    private static final ThreadLocal<@Nullable Consumer<@Nullable String>> OBSERVER = new ThreadLocal<>();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final RequestBudget budget;
    private final CircuitBreaker breaker;
    private final ProxyPool proxies;
    private final YouTubeProperties properties;

    YouTubeGate(RequestBudget budget, CircuitBreaker breaker, ProxyPool proxies, YouTubeProperties properties) {
        this.budget = budget;
        this.breaker = breaker;
        this.proxies = proxies;
        this.properties = properties;
    }

    /**
     * Runs {@code work} with {@code observer} told when a call on this thread starts waiting for the budget (the
     * note) and when the wait ends (null). Jobs use it to show the wait on their video.
     */
    public static <T> T observed(Consumer<@Nullable String> observer, Supplier<T> work) {
        Consumer<@Nullable String> outer = OBSERVER.get();
        OBSERVER.set(observer);
        try {
            return work.get();
        } finally {
            OBSERVER.set(outer);
        }
    }

    /**
     * Waits for the turn of one call of {@code kind}, and names the proxy it goes through (the next one that does not
     * rest), if any are configured.
     *
     * @throws GateClosed when the breaker is open, every proxy rests, or the turn is further away than
     *     {@code max-wait}
     * @throws InterruptedException when the wait is interrupted (a cancelled batch)
     */
    public Permit acquire(CallKind kind) throws InterruptedException {
        refuseWhileOpen();
        RequestBudget.Turn turn = budget.reserve(kind.weight(), properties.maxWait());
        if (!turn.granted()) {
            throw new GateClosed(WAITING_FOR_BUDGET + " (next turn in " + Durations.elapsed(turn.delay()) + ")",
                    Instant.now().plus(turn.delay()));
        }
        if (turn.delay().isPositive()) {
            Consumer<@Nullable String> observer = OBSERVER.get();
            if (observer != null) {
                observer.accept(WAITING_FOR_BUDGET);
            }
            try {
                Thread.sleep(turn.delay());
            } finally {
                if (observer != null) {
                    observer.accept(null);
                }
            }
            refuseWhileOpen(); // it may have tripped while this call waited
        }
        if (!proxies.configured()) {
            return new Permit(kind, null);
        }
        ProxyAddress proxy = proxies.next().orElse(null);
        if (proxy == null) {
            // Every proxy rests (the node that rested the last one trips the breaker; this makes sure).
            BreakerState state = breaker.trip("every proxy rests after blocks",
                    proxies.allRestingUntil().orElse(Instant.now().plus(properties.breaker().cooldown())));
            throw new GateClosed(pausedNote(state), state.liftsAt() == null ? Instant.now() : state.liftsAt());
        }
        return new Permit(kind, proxy);
    }

    /**
     * A call met a bot check ({@code botCheck}) or a 429. Through a proxy, that proxy rests and the video goes on
     * through another at once; the breaker trips when every proxy rests.
     *
     * @throws GateClosed when the breaker is open now (the video waits for the cool-down), or the call's proxy rests
     *     (the video tries again through another); neither counts as a try
     */
    public void blocked(Permit permit, boolean botCheck, @Nullable String videoId) {
        if (!breaker.enabled()) {
            return;
        }
        String kind = botCheck ? "bot check" : "429";
        ProxyAddress proxy = permit.proxy();
        if (proxy != null) {
            breaker.recordBlock(kind, videoId, proxy.key());
            Instant allResting = proxies.rest(proxy, "a " + kind).orElse(null);
            if (allResting == null) {
                throw new GateClosed("Proxy " + proxy.key() + " rests after a " + kind + "; going on through another",
                        Instant.now());
            }
            BreakerState state = breaker.trip("every proxy rests after blocks, the last a " + kind + " through "
                    + proxy.key(), allResting);
            throw new GateClosed(pausedNote(state), state.liftsAt() == null ? allResting : state.liftsAt());
        }
        BreakerState state = breaker.recordBlock(kind, videoId, null);
        if (state.open() && state.liftsAt() != null) {
            throw new GateClosed(pausedNote(state), state.liftsAt());
        }
    }

    /**
     * When YouTube calls go on again, while the breaker is on and open: the dispatcher hands out no video until then
     * (each would only be held back again). Empty while calls may go.
     */
    public java.util.Optional<Instant> pausedUntil() {
        if (!breaker.enabled()) {
            return java.util.Optional.empty();
        }
        BreakerState state = breaker.state();
        return state.open() ? java.util.Optional.ofNullable(state.liftsAt()) : java.util.Optional.empty();
    }

    /** The breaker now, for the web app, the API, the command line and metrics. */
    public BreakerState breakerState() {
        return breaker.state();
    }

    /** Lifts an open breaker by hand; returns whether it was open. */
    public boolean lift(String by) {
        return breaker.lift(by);
    }

    /** The configured proxies: their keys (never their credentials) and which of them rest now. */
    public List<String> proxyKeys() {
        return proxies.all().stream().map(ProxyAddress::key).toList();
    }

    /** The keys of the proxies that rest now. */
    public java.util.Set<String> restingProxies() {
        return proxies.resting();
    }

    /** The budget's settings and the tokens there are now. */
    public BudgetState budgetState() {
        return new BudgetState(properties.requestsPerMinute(), properties.burst(), budget.tokensNow());
    }

    /** The words a held video shows: why YouTube calls stopped and when they go on. */
    public static String pausedNote(BreakerState state) {
        Instant until = state.liftsAt();
        return "YouTube paused until " + (until == null ? "further notice" : CLOCK.format(until))
                + (state.reason() == null ? "" : ": " + state.reason());
    }

    private void refuseWhileOpen() {
        var open = breaker.refuse();
        if (open.isPresent()) {
            BreakerState state = open.get();
            throw new GateClosed(pausedNote(state), state.liftsAt() == null ? Instant.now() : state.liftsAt());
        }
    }

    /**
     * The budget as configured and as it stands.
     *
     * @param tokens the weighted calls that could go at once now; negative while calls wait for their turn
     */
    public record BudgetState(double requestsPerMinute, int burst, double tokens) {

        /** The least time {@code weight} weighted calls take at this budget's rate. */
        public Duration lowerBound(double weight) {
            return Duration.ofMillis((long) (weight / requestsPerMinute * 60_000));
        }
    }
}
