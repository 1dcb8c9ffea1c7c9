package dev.tubebatch.youtube.budget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops every YouTube call of the cluster after repeated blocks. Every bot check or 429 of any node is a row in
 * {@code youtube_block}; when {@code threshold} of them fall within {@code window}, the breaker (the row
 * {@code youtube_breaker}, changed under {@code select ... for update}) opens for the cool-down. After it lifts, one
 * more block within a window trips it again with twice the cool-down, up to the cap; a quiet window resets it.
 * Blocks of calls that were already running when it tripped do not count towards the next trip.
 */
@Component
public class CircuitBreaker {

    private static final Logger log = LoggerFactory.getLogger(CircuitBreaker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final YouTubeProperties.Breaker settings;

    CircuitBreaker(JdbcClient jdbc, TransactionTemplate transactions, YouTubeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.breaker();
    }

    /** Whether blocks trip it at all ({@code tubebatch.youtube.breaker.enabled}). */
    public boolean enabled() {
        return settings.enabled();
    }

    /** The state when it is open now, counting the call it refuses; empty when calls may go. */
    public Optional<BreakerState> refuse() {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        int held = jdbc.sql("update youtube_breaker set held_calls = held_calls + 1"
                + " where id = 1 and open_until > clock_timestamp()").update();
        return held == 0 ? Optional.empty() : Optional.of(state());
    }

    /**
     * Records a block seen by a call and trips the breaker when it is one too many.
     *
     * @param kind "bot check" or "429", for the reason people read
     * @return the state after the block: open when this block (or an earlier one) tripped it
     */
    public BreakerState recordBlock(String kind, @Nullable String videoId, @Nullable String proxyKey) {
        Objects.requireNonNull(kind, "kind");
        transactions.executeWithoutResult(status -> {
            Row row = jdbc.sql("select open_until, probing_until, counted_from, cooldown_ms, clock_timestamp() as now"
                            + " from youtube_breaker where id = 1 for update")
                    .query(CircuitBreaker::row).single();
            Instant now = row.now();
            jdbc.sql("insert into youtube_block (at, kind, video_id, proxy) values (:at, :kind, :video, :proxy)")
                    .param("at", Timestamp.from(now)).param("kind", kind).param("video", videoId)
                    .param("proxy", proxyKey).update();
            if (!settings.enabled() || proxyKey != null
                    || (row.openUntil() != null && row.openUntil().isAfter(now))) {
                // A proxy's block rests that proxy (ProxyPool); the breaker trips when every proxy rests.
                return;
            }
            boolean probing = row.probingUntil() != null && now.isBefore(row.probingUntil());
            Instant windowStart = now.minus(settings.window());
            if (row.countedFrom() != null && row.countedFrom().isAfter(windowStart)) {
                windowStart = row.countedFrom();
            }
            long blocks = jdbc.sql("select count(*) from youtube_block where at > :from and proxy is null")
                    .param("from", Timestamp.from(windowStart)).query(Long.class).single();
            if (!probing && blocks < settings.threshold()) {
                return;
            }
            Duration cooldown = probing && row.cooldownMs() > 0
                    ? min(Duration.ofMillis(row.cooldownMs()).multipliedBy(2), settings.maxCooldown())
                    : settings.cooldown();
            Instant until = now.plus(cooldown);
            String reason = probing
                    ? "YouTube blocked again (" + kind + ") right after the last pause"
                    : blocks + " bot checks or 429s within " + format(settings.window()) + ", the last a " + kind;
            jdbc.sql("""
                    update youtube_breaker set open_until = :until, reason = :reason, tripped_at = :now,
                           cooldown_ms = :cooldown, probing_until = :probing, counted_from = :until where id = 1""")
                    .param("until", Timestamp.from(until)).param("reason", reason).param("now", Timestamp.from(now))
                    .param("cooldown", cooldown.toMillis())
                    .param("probing", Timestamp.from(until.plus(settings.window()))).update();
            jdbc.sql("insert into youtube_trip (tripped_at, lifts_at, reason) values (:now, :until, :reason)")
                    .param("now", Timestamp.from(now)).param("until", Timestamp.from(until)).param("reason", reason)
                    .update();
            log.warn("YouTube calls stop on every node until {} ({} cool-down): {}", until, format(cooldown), reason);
        });
        return state();
    }

    /**
     * Trips it until {@code until} for {@code reason} (every proxy rests), unless it is open that long already.
     */
    public BreakerState trip(String reason, Instant until) {
        transactions.executeWithoutResult(status -> {
            Row row = jdbc.sql("select open_until, probing_until, counted_from, cooldown_ms, clock_timestamp() as now"
                            + " from youtube_breaker where id = 1 for update")
                    .query(CircuitBreaker::row).single();
            if (row.openUntil() != null && !row.openUntil().isBefore(until)) {
                return;
            }
            Instant now = row.now();
            Instant end = until.isAfter(now) ? until : now.plus(settings.cooldown());
            jdbc.sql("""
                    update youtube_breaker set open_until = :until, reason = :reason, tripped_at = :now,
                           cooldown_ms = :cooldown, probing_until = :probing, counted_from = :until where id = 1""")
                    .param("until", Timestamp.from(end)).param("reason", reason).param("now", Timestamp.from(now))
                    .param("cooldown", Duration.between(now, end).toMillis())
                    .param("probing", Timestamp.from(end.plus(settings.window()))).update();
            jdbc.sql("insert into youtube_trip (tripped_at, lifts_at, reason) values (:now, :until, :reason)")
                    .param("now", Timestamp.from(now)).param("until", Timestamp.from(end)).param("reason", reason)
                    .update();
            log.warn("YouTube calls stop on every node until {}: {}", end, reason);
        });
        return state();
    }

    /**
     * Lifts an open breaker at once (an admin's decision): the cool-down starts again from its base, and earlier
     * blocks no longer count. Returns whether it was open.
     */
    public boolean lift(String by) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            int lifted = jdbc.sql("""
                    update youtube_breaker set open_until = clock_timestamp(), probing_until = null, cooldown_ms = 0,
                           counted_from = clock_timestamp() where id = 1 and open_until > clock_timestamp()""").update();
            if (lifted > 0) {
                jdbc.sql("""
                        update youtube_trip set lifts_at = clock_timestamp(), lifted_by = :by
                         where id = (select max(id) from youtube_trip) and lifts_at > clock_timestamp()""")
                        .param("by", by).update();
                jdbc.sql("delete from youtube_proxy_rest").update(); // a lift by hand frees every proxy too
                log.warn("YouTube calls go on again: the pause was lifted by {}", by);
            }
            return lifted > 0;
        }));
    }

    /** The breaker now, as every node sees it. */
    public BreakerState state() {
        return jdbc.sql("""
                select b.open_until, b.reason, b.tripped_at, b.cooldown_ms, b.held_calls, clock_timestamp() as now,
                       (select count(*) from youtube_trip) as trips
                  from youtube_breaker b where b.id = 1""")
                .query((rs, n) -> {
                    Instant now = instant(rs, "now");
                    Instant until = instantOrNull(rs, "open_until");
                    return new BreakerState(until != null && until.isAfter(Objects.requireNonNull(now)),
                            rs.getString("reason"), instantOrNull(rs, "tripped_at"), until,
                            Duration.ofMillis(rs.getLong("cooldown_ms")), rs.getLong("trips"), rs.getLong("held_calls"),
                            now);
                })
                .single();
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 60 == 0 && seconds >= 60) {
            return seconds / 60 + " min";
        }
        return duration.toMillis() % 1000 == 0 ? seconds + " s" : duration.toMillis() + " ms";
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(instantOrNull(rs, "open_until"), instantOrNull(rs, "probing_until"),
                instantOrNull(rs, "counted_from"), rs.getLong("cooldown_ms"), instant(rs, "now"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Objects.requireNonNull(instantOrNull(rs, column), column);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private record Row(@Nullable Instant openUntil, @Nullable Instant probingUntil, @Nullable Instant countedFrom,
            long cooldownMs, Instant now) {}
}
