package dev.tubebatch.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An admin's commands on webhooks. The secret is made here and shown once, in what {@link #create} returns. */
@Service
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new webhook and its signing secret (the only time the secret is given out). */
    public record Created(UUID id, String url, List<WebhookEvent> events, boolean allowPrivate, String secret) {}

    public Created create(String url, List<WebhookEvent> events, boolean allowPrivate, String by) {
        URI uri = WebhookTargets.parse(url);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events: name at least one event");
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = HexFormat.of().formatHex(key);
        UUID id = UUID.randomUUID();
        List<WebhookEvent> distinct = events.stream().distinct().toList();
        jdbc.sql("""
                insert into webhook (id, url, secret, events, allow_private, created_by, created_at)
                values (:id, :url, :secret, cast(:events as text[]), :allow, :by, :now)""")
                .param("id", id).param("url", uri.toString()).param("secret", secret)
                .param("events", "{" + String.join(",", distinct.stream().map(Enum::name).toList()) + "}")
                .param("allow", allowPrivate).param("by", by).param("now", Timestamp.from(clock.instant())).update();
        return new Created(id, uri.toString(), distinct, allowPrivate, secret);
    }

    public boolean delete(UUID id) {
        return jdbc.sql("delete from webhook where id = :id").param("id", id).update() > 0;
    }
}
