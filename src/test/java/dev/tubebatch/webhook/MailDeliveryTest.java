package dev.tubebatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.FakeSmtp;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email sent by the running engine through Spring Mail to an SMTP server on loopback ({@link FakeSmtp}): a finished
 * batch mails the recipients who want its event and no one else; a 451 reply is retried with backoff and a 554 is
 * not, every try in the log; a batch name with line breaks stays inside the subject.
 */
@EngineTest
class MailDeliveryTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    MailService recipients;

    @Autowired
    MailNotifier mail;

    @Autowired
    WebhookLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobScheduler jobs;

    @Autowired
    DeliveryTries tries;

    @Autowired
    JsonMapper json;

    final FakeSmtp smtp = EngineHarness.SMTP;
    final List<UUID> created = new ArrayList<>();

    @AfterEach
    void removeRecipients() {
        created.forEach(recipients::delete);
    }

    WebhookLog.Recipient recipient(String name, WebhookEvent... events) {
        WebhookLog.Recipient recipient = recipients.create(name + "-" + UUID.randomUUID() + "@example.org",
                Arrays.asList(events), "admin");
        created.add(recipient.id());
        return recipient;
    }

    WebhookLog.Delivery awaitDelivery(WebhookLog.Recipient recipient, String status) {
        Eventually.within(Duration.ofSeconds(60), "the email to " + recipient.address() + " to be " + status,
                () -> log.mailDeliveries(recipient.id(), 10).stream().anyMatch(d -> d.status().equals(status)));
        return log.mailDeliveries(recipient.id(), 10).getFirst();
    }

    static MimeMessage parse(FakeSmtp.Received received) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(received.data().getBytes(StandardCharsets.UTF_8)));
    }

    /** The first text/plain part, however deep in the message's multiparts. */
    static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    @Test
    void a_completed_batch_emails_the_recipient_who_wants_it_with_the_counts_and_links_and_no_one_else()
            throws Exception {
        assertThat(mail.on()).as("spring.mail.host is set in engine tests").isTrue();
        WebhookLog.Recipient wanted = recipient("done", WebhookEvent.BATCH_COMPLETED);
        WebhookLog.Recipient other = recipient("cancelled-only", WebhookEvent.BATCH_CANCELLED);

        Batch batch = engine.create("mail", 0, "capMailOne1");
        engine.awaitFinished(batch);
        WebhookLog.Delivery delivery = awaitDelivery(wanted, "DELIVERED");

        assertThat(delivery.event()).isEqualTo("BATCH_COMPLETED");
        assertThat(delivery.tries()).extracting(WebhookLog.Attempt::attempt, WebhookLog.Attempt::statusCode)
                .containsExactly(tuple(1, 250));
        FakeSmtp.Received received = smtp.receivedFor(wanted.address()).getFirst();
        assertThat(smtp.receivedFor(wanted.address())).hasSize(1);
        assertThat(received.from()).isEqualTo("tubebatch@localhost");
        assertThat(received.to()).containsExactly(wanted.address());
        MimeMessage message = parse(received);
        assertThat(message.getSubject()).isEqualTo("[tubebatch] Batch completed: " + batch.name());
        assertThat(message.getHeader("X-Tubebatch-Event", null)).isEqualTo("batch.completed");
        String text = plainText(message);
        assertThat(text).contains("Batch completed: " + batch.name() + ".")
                .contains("1 total, 1 completed, 0 failed, 0 cancelled")
                .contains("/batches/" + batch.id())
                .contains("/api/batches/" + batch.id() + "/download.zip");
        assertThat(smtp.receivedFor(other.address())).as("the other recipient wants only cancellations").isEmpty();
        assertThat(log.mailDeliveries(other.id(), 10)).isEmpty();
    }

    @Test
    void a_temporary_smtp_failure_is_retried_with_backoff_and_every_try_is_logged() {
        WebhookLog.Recipient recipient = recipient("retry", WebhookEvent.BATCH_COMPLETED);
        smtp.answerNext("451 4.3.0 Mailbox busy, try again later");

        Batch batch = engine.create("mail retry", 0, "capMailTwo2");
        engine.awaitFinished(batch);
        WebhookLog.Delivery delivery = awaitDelivery(recipient, "DELIVERED");

        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.tries()).extracting(WebhookLog.Attempt::attempt, WebhookLog.Attempt::statusCode)
                .containsExactly(tuple(1, 451), tuple(2, 250));
        assertThat(delivery.tries().getFirst().error()).isEqualTo("SMTP 451 4.3.0 Mailbox busy, try again later");
        assertThat(delivery.tries().get(1).error()).isNull();
        assertThat(Duration.between(delivery.tries().get(0).at(), delivery.tries().get(1).at()))
                .as("the backoff of tubebatch.webhooks.retry-base").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(smtp.receivedFor(recipient.address())).hasSize(1);
    }

    @Test
    void a_permanent_smtp_failure_is_logged_once_and_not_retried() {
        WebhookLog.Recipient recipient = recipient("refused", WebhookEvent.BATCH_COMPLETED);
        smtp.answerNext("554 5.7.1 Message rejected");

        Batch batch = engine.create("mail refused", 0, "capMailThr3");
        engine.awaitFinished(batch);
        WebhookLog.Delivery delivery = awaitDelivery(recipient, "FAILED");

        assertThat(delivery.tries()).singleElement().satisfies(t -> {
            assertThat(t.statusCode()).isEqualTo(554);
            assertThat(t.error()).isEqualTo("SMTP 554 5.7.1 Message rejected");
        });
        assertThat(smtp.receivedFor(recipient.address())).isEmpty();
    }

    @Test
    void a_batch_name_with_line_breaks_stays_in_the_subject_and_adds_no_header() throws Exception {
        WebhookLog.Recipient recipient = recipient("inject", WebhookEvent.BATCH_COMPLETED);

        Batch batch = engine.create("Evil\r\nBcc: victim@example.org\nX-Injected: yes\r", 0, "capMailFou4");
        engine.awaitFinished(batch);
        awaitDelivery(recipient, "DELIVERED");

        FakeSmtp.Received received = smtp.receivedFor(recipient.address()).getFirst();
        assertThat(received.to()).containsExactly(recipient.address());
        String headers = received.data().substring(0, received.data().indexOf("\r\n\r\n"));
        assertThat(headers.lines()).noneMatch(line -> line.startsWith("Bcc:") || line.startsWith("X-Injected:"));
        MimeMessage message = parse(received);
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getHeader("X-Injected")).isNull();
        assertThat(message.getSubject()).isEqualTo("[tubebatch] Batch completed: Evil Bcc: victim@example.org "
                + "X-Injected: yes " + batch.name().substring(batch.name().lastIndexOf(' ') + 1));
    }

    @Test
    void without_spring_mail_host_email_is_off_and_events_make_no_email_deliveries() {
        StaticListableBeanFactory noMail = new StaticListableBeanFactory();
        MailNotifier off = new MailNotifier(noMail.getBeanProvider(JavaMailSender.class),
                noMail.getBeanProvider(MailProperties.class), new MailSettings(null), jdbc, jobs, tries, json,
                Clock.systemUTC());
        WebhookLog.Recipient recipient = recipient("off", WebhookEvent.BATCH_COMPLETED);

        off.queue(WebhookEvent.BATCH_COMPLETED, "off:" + UUID.randomUUID(), "{}", Timestamp.from(Clock
                .systemUTC().instant()));

        assertThat(off.on()).isFalse();
        assertThat(off.from()).isEqualTo("tubebatch@localhost");
        assertThat(log.mailDeliveries(recipient.id(), 10)).isEmpty();
    }
}
