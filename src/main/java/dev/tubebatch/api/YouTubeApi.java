package dev.tubebatch.api;

import dev.tubebatch.youtube.CookieJar;
import dev.tubebatch.youtube.budget.BreakerState;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.security.Principal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the cluster stands with YouTube: the circuit breaker (open, why, until when) and the request budget. Anyone
 * signed in reads it; an admin lifts an open breaker by hand, and gives or removes the cookies yt-dlp sends (a
 * Netscape cookies file; answers say only how many cookies there are and when they expire, never what they are).
 */
@RestController
@RequestMapping(path = "/api/youtube", produces = "application/json")
class YouTubeApi {

    /** The largest cookies file taken: a browser's export for YouTube is a few kilobytes. */
    static final int MAX_COOKIES_CHARS = 1 << 20;

    private final YouTubeGate gate;
    private final CookieJar cookies;

    YouTubeApi(YouTubeGate gate, CookieJar cookies) {
        this.gate = gate;
        this.cookies = cookies;
    }

    @GetMapping("/cookies")
    CookieJar.Info cookies() {
        return cookies.info();
    }

    /** Stores a Netscape cookies file (the request body, text/plain), replacing the one before (admins only). */
    @PutMapping(path = "/cookies", consumes = "text/plain")
    CookieJar.Info storeCookies(@RequestBody String text) {
        if (text.length() > MAX_COOKIES_CHARS) {
            throw new IllegalArgumentException("cookies: the file is larger than 1 MB");
        }
        return cookies.store(text);
    }

    @DeleteMapping("/cookies")
    ResponseEntity<Void> removeCookies() {
        return cookies.remove() ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /**
     * The breaker as every node sees it.
     *
     * @param open whether YouTube calls are stopped now
     * @param reason why it tripped last
     * @param liftsAt when calls go on (while open), or when it lifted last
     * @param trips trips so far; {@code heldCalls}: calls refused while it was open
     */
    record Breaker(boolean open, @Nullable String reason, @Nullable Instant trippedAt, @Nullable Instant liftsAt,
            long cooldownSeconds, long trips, long heldCalls) {
        static Breaker of(BreakerState state) {
            return new Breaker(state.open(), state.reason(), state.trippedAt(), state.liftsAt(),
                    state.cooldown().toSeconds(), state.trips(), state.heldCalls());
        }
    }

    /** The budget: weighted calls a minute, the burst, and the calls that could go at once now (negative: queued). */
    record Budget(double requestsPerMinute, int burst, double tokens) {}

    /** A configured proxy by its scheme, host and port (never its user or password), and whether it rests now. */
    record Proxy(String proxy, boolean resting) {}

    record Status(Breaker breaker, Budget budget, java.util.List<Proxy> proxies) {}

    @GetMapping("/status")
    Status status() {
        YouTubeGate.BudgetState budget = gate.budgetState();
        java.util.Set<String> resting = gate.restingProxies();
        return new Status(Breaker.of(gate.breakerState()),
                new Budget(budget.requestsPerMinute(), budget.burst(), Math.round(budget.tokens() * 100) / 100.0),
                gate.proxyKeys().stream().map(key -> new Proxy(key, resting.contains(key))).toList());
    }

    /** Lifts an open breaker now (admins only); 409 when it is not open. */
    @PostMapping("/breaker/lift")
    Status lift(Principal principal) {
        if (!gate.lift(principal.getName())) {
            throw new ApiProblems.ConflictException("The YouTube breaker is not open.");
        }
        return status();
    }
}
