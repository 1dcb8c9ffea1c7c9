package dev.tubebatch.youtube.budget;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The configured proxies ({@code tubebatch.youtube.proxies}), taken in turn, call by call. A proxy that meets a bot
 * check or 429 rests for the breaker's cool-down (in {@code youtube_proxy_rest}, so every node skips it) while the
 * others go on; only when every proxy rests does the breaker trip.
 */
@Component
public class ProxyPool {

    private static final Logger log = LoggerFactory.getLogger(ProxyPool.class);

    private final JdbcClient jdbc;
    private final List<ProxyAddress> proxies;
    private final Duration rest;
    private final AtomicInteger next = new AtomicInteger();

    ProxyPool(JdbcClient jdbc, YouTubeProperties properties) {
        this.jdbc = jdbc;
        List<ProxyAddress> parsed = new ArrayList<>();
        for (int i = 0; i < properties.proxies().size(); i++) {
            parsed.add(ProxyAddress.parse(properties.proxies().get(i), i));
        }
        this.proxies = List.copyOf(parsed);
        this.rest = properties.breaker().cooldown();
    }

    /** Whether calls go through proxies at all. */
    public boolean configured() {
        return !proxies.isEmpty();
    }

    /** Every configured proxy, for scrubbing their credentials out of anything shown. */
    public List<ProxyAddress> all() {
        return proxies;
    }

    /** The next proxy that is not resting; empty when none is configured or every one rests. */
    Optional<ProxyAddress> next() {
        if (proxies.isEmpty()) {
            return Optional.empty();
        }
        Set<String> resting = resting();
        for (int tried = 0; tried < proxies.size(); tried++) {
            ProxyAddress proxy = proxies.get(Math.floorMod(next.getAndIncrement(), proxies.size()));
            if (!resting.contains(proxy.key())) {
                return Optional.of(proxy);
            }
        }
        return Optional.empty();
    }

    /** Rests {@code proxy} for the cool-down; returns when every proxy rests, the earliest end of their rests. */
    Optional<Instant> rest(ProxyAddress proxy, String reason) {
        jdbc.sql("""
                insert into youtube_proxy_rest (proxy_key, resting_until, reason)
                values (:key, clock_timestamp() + :rest * interval '1 millisecond', :reason)
                on conflict (proxy_key) do update set resting_until = excluded.resting_until, reason = excluded.reason""")
                .param("key", proxy.key()).param("rest", rest.toMillis()).param("reason", reason).update();
        log.warn("Proxy {} rests for {} after {}", proxy.key(), CircuitBreaker.format(rest), reason);
        return allRestingUntil();
    }

    /** When every proxy rests, the earliest end of their rests. */
    Optional<Instant> allRestingUntil() {
        if (proxies.isEmpty() || resting().size() < proxies.size()) {
            return Optional.empty();
        }
        List<String> keys = proxies.stream().map(ProxyAddress::key).toList();
        @Nullable Timestamp earliest = jdbc.sql("select min(resting_until) from youtube_proxy_rest"
                        + " where proxy_key in (:keys) and resting_until > clock_timestamp()")
                .param("keys", keys).query(Timestamp.class).optional().orElse(null);
        return Optional.ofNullable(earliest).map(Timestamp::toInstant);
    }

    /** The keys of the configured proxies that rest now. */
    public Set<String> resting() {
        if (proxies.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select proxy_key from youtube_proxy_rest"
                        + " where proxy_key in (:keys) and resting_until > clock_timestamp()")
                .param("keys", proxies.stream().map(ProxyAddress::key).toList()).query(String.class).list());
    }
}
