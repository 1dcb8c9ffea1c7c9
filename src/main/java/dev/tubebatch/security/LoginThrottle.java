package dev.tubebatch.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Slows password guessing down. Failed sign-ins are counted per user name and per address over a window; from the
 * limit on, sign-ins for that name or from that address are refused for a while after each failure, a while that
 * doubles with every further failure up to a cap. A successful sign-in clears the user name's count (not the
 * address's: one good account must not reset a guesser's count).
 *
 * <p>The failures are rows in PostgreSQL, not counters in a node's memory: every web node sees every failure, so
 * a guesser gains nothing from a load balancer spreading the tries, and a restart forgets nothing. The lock is
 * worked out from the rows when asked, so concurrent sign-ins only ever insert.
 */
final class LoginThrottle {

    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final SecurityProperties.Logins limits;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, SecurityProperties.Logins limits, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.clock = clock;
    }

    /** How long sign-ins for this user from this address are still refused; empty when they are not. */
    Optional<Duration> lockedFor(String username, @Nullable String address) {
        Instant now = clock.instant();
        Duration user = remaining(userKey(username), limits.userFailures(), now);
        Duration fromAddress = address == null ? Duration.ZERO
                : remaining(addressKey(address), limits.addressFailures(), now);
        Duration longer = user.compareTo(fromAddress) >= 0 ? user : fromAddress;
        return longer.isPositive() ? Optional.of(longer) : Optional.empty();
    }

    void failed(String username, @Nullable String address) {
        Instant now = clock.instant();
        record(userKey(username), now);
        if (address != null) {
            record(addressKey(address), now);
        }
        // Rows older than the window count for nothing any more.
        jdbc.sql("delete from login_failure where failed_at < :oldest")
                .param("oldest", Timestamp.from(now.minus(limits.window()))).update();
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_failure where key = :key").param("key", userKey(username)).update();
    }

    private void record(String key, Instant now) {
        jdbc.sql("insert into login_failure (key, failed_at) values (:key, :now)")
                .param("key", key).param("now", Timestamp.from(now)).update();
    }

    /** The lock after the latest failure: none below the limit, then the first lock doubled per further failure. */
    private Duration remaining(String key, int limit, Instant now) {
        record Failures(int count, @Nullable Timestamp latest) {}
        Failures failures = jdbc.sql("""
                select count(*) as count, max(failed_at) as latest from login_failure
                where key = :key and failed_at > :oldest""")
                .param("key", key).param("oldest", Timestamp.from(now.minus(limits.window())))
                .query((rs, row) -> new Failures(rs.getInt("count"), rs.getTimestamp("latest")))
                .single();
        if (failures.count() < limit || failures.latest() == null) {
            return Duration.ZERO;
        }
        Instant until = failures.latest().toInstant().plus(lockAfter(failures.count() - limit));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The lock after the limit was reached and {@code beyond} more failures followed. */
    Duration lockAfter(int beyond) {
        Duration lock = limits.firstLock();
        for (int i = 0; i < beyond && lock.compareTo(limits.longestLock()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(limits.longestLock()) > 0 ? limits.longestLock() : lock;
    }

    private static String userKey(String username) {
        return truncate("user:" + username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return truncate("address:" + address);
    }

    private static String truncate(String key) {
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
