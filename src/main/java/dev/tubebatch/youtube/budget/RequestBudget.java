package dev.tubebatch.youtube.budget;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cluster's one request budget: a token bucket in the row {@code youtube_budget}, read and changed under
 * {@code select ... for update}, so calls from every worker of every node draw on the same tokens. It refills at
 * {@code requests-per-minute} up to {@code burst}. A call takes its weight at once and may take the bucket below zero:
 * it is promised the turn when the debt would be paid back, and waits that long. So the rate holds however many ask,
 * each ask is one short transaction, and turns come in the order they were asked for.
 */
@Component
public class RequestBudget {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final YouTubeProperties properties;

    RequestBudget(JdbcClient jdbc, TransactionTemplate transactions, YouTubeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    /**
     * A turn for a call of {@code weight}: granted with the time to wait before calling, or refused (nothing taken)
     * when that wait would be longer than {@code maxWait}.
     */
    public Turn reserve(double weight, Duration maxWait) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Bucket bucket = jdbc.sql("""
                    select tokens, extract(epoch from clock_timestamp() - updated_at) as elapsed,
                           clock_timestamp() as now
                      from youtube_budget where id = 1 for update""")
                    .query((rs, n) -> new Bucket(rs.getDouble("tokens"), rs.getDouble("elapsed"),
                            rs.getObject("now", OffsetDateTime.class)))
                    .single();
            double rate = properties.perSecond();
            double tokens = Math.min(properties.burst(), bucket.tokens() + Math.max(0, bucket.elapsed()) * rate);
            double left = tokens - weight;
            Duration wait = left >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-left / rate * 1e9));
            if (wait.compareTo(maxWait) > 0) {
                return new Turn(wait, false);
            }
            jdbc.sql("update youtube_budget set tokens = :tokens, updated_at = :now where id = 1")
                    .param("tokens", left).param("now", bucket.now()).update();
            return new Turn(wait, true);
        }));
    }

    /** The tokens there are now (negative: the calls already promised a turn), for status pages. */
    public double tokensNow() {
        double[] read = jdbc.sql("select tokens, extract(epoch from clock_timestamp() - updated_at) from youtube_budget"
                        + " where id = 1")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        return Math.min(properties.burst(), read[0] + Math.max(0, read[1]) * properties.perSecond());
    }

    /**
     * The answer to a reservation.
     *
     * @param delay how long until the turn
     * @param granted false: nothing was taken, because the wait is longer than the caller may wait
     */
    public record Turn(Duration delay, boolean granted) {}

    private record Bucket(double tokens, double elapsed, OffsetDateTime now) {}
}
