package dev.tubebatch.webhook;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchChange;
import dev.tubebatch.batch.BatchEvents;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.watch.WatchFoundVideos;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into deliveries: a batch that reaches COMPLETED, COMPLETED_WITH_FAILURES, STOPPED or CANCELLED (seen
 * through {@link BatchEvents}, batch-level changes only), and a watch run that made a batch. One delivery per
 * webhook, and per email recipient while mail is on, and event key ({@code batch id:status:time}), inserted with
 * {@code on conflict do nothing}, so every node that hears of the change may try and only one delivery results; then
 * a JobRunr job posts or mails it.
 */
@Component
class WebhookEvents implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);

    private final BatchEvents batchEvents;
    private final BatchQueries batches;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JobScheduler jobs;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MailNotifier mail;
    private BatchEvents.@org.jspecify.annotations.Nullable Subscription subscription;

    WebhookEvents(BatchEvents batchEvents, BatchQueries batches, JdbcClient jdbc, JsonMapper json, JobScheduler jobs,
            WebhookProperties properties, Clock clock, MailNotifier mail) {
        this.batchEvents = batchEvents;
        this.batches = batches;
        this.jdbc = jdbc;
        this.json = json;
        this.jobs = jobs;
        this.properties = properties;
        this.clock = clock;
        this.mail = mail;
    }

    @Override
    public void afterSingletonsInstantiated() {
        subscription = batchEvents.subscribe(this::changed);
    }

    @Override
    public void destroy() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
    }

    void changed(BatchChange change) {
        if (change.itemId() != null) {
            return;
        }
        try {
            Batch batch = batches.get(change.batchId());
            WebhookEvent event = WebhookEvent.of(batch.status());
            if (event == null) {
                return;
            }
            EventPayload payload = EventPayload.of(event, batch, batches.progress(batch.id()),
                    properties.publicUrl());
            String key = batch.id() + ":" + batch.status() + ":" + (batch.finishedAt() == null ? "held"
                    : batch.finishedAt().toEpochMilli());
            deliver(event, key, payload);
        } catch (RuntimeException e) {
            log.warn("Could not turn the change of batch {} into webhook deliveries: {}", change.batchId(),
                    e.toString());
        }
    }

    @TransactionalEventListener
    void watchFoundVideos(WatchFoundVideos found) {
        deliver(WebhookEvent.WATCH_FOUND_VIDEOS, "watch:" + found.batchId(),
                EventPayload.of(found, properties.publicUrl()));
    }

    private void deliver(WebhookEvent event, String key, EventPayload payload) {
        String body = json.writeValueAsString(payload);
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> created = jdbc.sql("""
                insert into webhook_delivery (webhook_id, event, event_key, payload, status, created_at)
                select w.id, :event, :key, cast(:payload as jsonb), 'PENDING', :now
                  from webhook w where :event = any (w.events)
                on conflict (webhook_id, event_key) do nothing
                returning id""")
                .param("event", event.name()).param("key", key).param("payload", body).param("now", now)
                .query((rs, n) -> rs.getLong(1)).list();
        for (long id : created) {
            jobs.<WebhookSender>enqueue(sender -> sender.deliver(id));
        }
        mail.queue(event, key, body, now);
    }
}
