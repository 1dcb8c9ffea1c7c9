package dev.tubebatch.webhook;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.scheduling.JobScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email notifications through Spring Mail. Email is on when {@code spring.mail.host} is set (Spring Boot then makes
 * a {@link JavaMailSender}); when it is off, events make no email deliveries and nothing fails. Each delivery is a
 * JobRunr job that sends one message to one recipient, from {@code tubebatch.mail.from}, and logs the try; retries
 * follow {@link DeliveryTries}, and a 5xx reply is not retried (see {@link MailFailure}).
 */
@Component
public class MailNotifier {

    /** What the web app and the API show while email is off. */
    public static final String OFF = "Email is off: set spring.mail.host (and spring.mail.port, username, password).";

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final ObjectProvider<MailProperties> smtp;
    private final MailSettings settings;
    private final JdbcClient jdbc;
    private final JobScheduler jobs;
    private final DeliveryTries tries;
    private final JsonMapper json;
    private final Clock clock;

    MailNotifier(ObjectProvider<JavaMailSender> senders, ObjectProvider<MailProperties> smtp, MailSettings settings,
            JdbcClient jdbc, JobScheduler jobs, DeliveryTries tries, JsonMapper json, Clock clock) {
        this.senders = senders;
        this.smtp = smtp;
        this.settings = settings;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tries = tries;
        this.json = json;
        this.clock = clock;
    }

    /** Whether email is on ({@code spring.mail.host} is set). */
    public boolean on() {
        return senders.getIfAvailable() != null;
    }

    /** The sender of every message ({@code tubebatch.mail.from}). */
    public String from() {
        return settings.from();
    }

    /** One delivery per recipient who wants the event (once per event key), each sent by a job; none while off. */
    void queue(WebhookEvent event, String key, String payload, Timestamp now) {
        if (!on()) {
            return;
        }
        List<Long> created = jdbc.sql("""
                insert into webhook_delivery (channel, mail_recipient_id, event, event_key, payload, status, created_at)
                select 'EMAIL', r.id, :event, :key, cast(:payload as jsonb), 'PENDING', :now
                  from mail_recipient r where :event = any (r.events)
                on conflict (mail_recipient_id, event_key) do nothing
                returning id""")
                .param("event", event.name()).param("key", key).param("payload", payload).param("now", now)
                .query((rs, n) -> rs.getLong(1)).list();
        for (long id : created) {
            jobs.<MailNotifier>enqueue(sender -> sender.deliver(id));
        }
    }

    private record Pending(String address, String payload, int attempts) {}

    @Job(name = "Email delivery %0", retries = 0)
    public void deliver(long deliveryId) {
        Pending pending = jdbc.sql("""
                select r.address, d.payload::text, d.attempts
                  from webhook_delivery d join mail_recipient r on r.id = d.mail_recipient_id
                 where d.id = :id and d.status = 'PENDING'""")
                .param("id", deliveryId)
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional().orElse(null);
        if (pending == null) {
            return;
        }
        int attempt = pending.attempts() + 1;
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        MailFailure failure = send(deliveryId, pending);
        int millis = (int) ((System.nanoTime() - t0) / 1_000_000);
        Instant next = failure == null
                ? tries.record(deliveryId, attempt, start, 250, null, millis, false)
                : tries.record(deliveryId, attempt, start, failure.code(), failure.error(), millis,
                        failure.retryable());
        if (next != null) {
            jobs.<MailNotifier>schedule(next, sender -> sender.deliver(deliveryId));
        } else if (failure != null) {
            log.warn("Email delivery {} failed after {} tries: {}", deliveryId, attempt, failure.error());
        }
    }

    /** Sends the message; null when the server took it, else why not. */
    private @Nullable MailFailure send(long deliveryId, Pending pending) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return new MailFailure(null, OFF, false);
        }
        try {
            EventPayload payload = json.readValue(pending.payload(), EventPayload.class);
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(pending.address());
            helper.setSubject(MailText.subject(payload));
            helper.setText(MailText.text(payload), MailText.html(payload));
            message.setHeader("X-Tubebatch-Event", payload.event());
            message.setHeader("X-Tubebatch-Delivery", Long.toString(deliveryId));
            sender.send(message);
            return null;
        } catch (MailException | MessagingException e) {
            MailProperties properties = smtp.getIfAvailable();
            return MailFailure.of(e, properties == null ? null : properties.getPassword());
        }
    }
}
