package dev.tubebatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.support.FakeSmtp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * SMTP AUTH with {@code spring.mail.username} and {@code spring.mail.password} (set for every engine test, whose
 * {@link FakeSmtp} requires AUTH): the right credentials deliver the email; a wrong password is refused with 535, a
 * permanent failure logged once and not retried; the password is in neither the application's output, the delivery
 * log nor the answers of {@code /api/mail}.
 */
@EngineTest
@ExtendWith(OutputCaptureExtension.class)
class MailAuthTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    MailService recipients;

    @Autowired
    WebhookLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext web;

    final FakeSmtp smtp = EngineHarness.SMTP;
    final List<UUID> created = new ArrayList<>();

    @AfterEach
    void restore() {
        smtp.changePassword(EngineHarness.SMTP_PASSWORD);
        created.forEach(recipients::delete);
    }

    WebhookLog.Recipient recipient(String name) {
        WebhookLog.Recipient recipient = recipients.create(name + "-" + UUID.randomUUID() + "@example.org",
                List.of(WebhookEvent.BATCH_COMPLETED), "admin");
        created.add(recipient.id());
        return recipient;
    }

    WebhookLog.Delivery awaitDelivery(WebhookLog.Recipient recipient, String status) {
        Eventually.within(Duration.ofSeconds(60), "the email to " + recipient.address() + " to be " + status,
                () -> log.mailDeliveries(recipient.id(), 10).stream().anyMatch(d -> d.status().equals(status)));
        return log.mailDeliveries(recipient.id(), 10).getFirst();
    }

    @Test
    void with_a_user_name_and_password_the_email_is_delivered_after_smtp_auth_succeeds() {
        WebhookLog.Recipient recipient = recipient("auth");

        Batch batch = engine.create("mail auth", 0, "capMailAut5");
        engine.awaitFinished(batch);
        WebhookLog.Delivery delivery = awaitDelivery(recipient, "DELIVERED");

        assertThat(delivery.tries()).singleElement().satisfies(t -> assertThat(t.statusCode()).isEqualTo(250));
        assertThat(smtp.receivedFor(recipient.address())).singleElement()
                .satisfies(r -> assertThat(r.user()).isEqualTo(EngineHarness.SMTP_USER));
        assertThat(smtp.logins()).isNotEmpty()
                .allSatisfy(login -> assertThat(login.user()).isEqualTo(EngineHarness.SMTP_USER));
    }

    @Test
    void a_wrong_password_is_refused_with_535_logged_once_and_not_retried_and_the_password_is_shown_nowhere(
            CapturedOutput output) throws Exception {
        WebhookLog.Recipient recipient = recipient("wrong-password");
        smtp.changePassword("rotated-" + UUID.randomUUID());
        int loginsBefore = smtp.logins().size();

        Batch batch = engine.create("mail wrong password", 0, "capMailAut6");
        engine.awaitFinished(batch);
        WebhookLog.Delivery delivery = awaitDelivery(recipient, "FAILED");

        assertThat(delivery.tries()).singleElement().satisfies(t -> {
            assertThat(t.statusCode()).isEqualTo(535);
            assertThat(t.error()).startsWith("SMTP 535 5.7.8 Authentication credentials invalid");
        });
        assertThat(smtp.logins().subList(loginsBefore, smtp.logins().size())).singleElement()
                .isEqualTo(new FakeSmtp.Login(smtp.logins().getLast().mechanism(), EngineHarness.SMTP_USER, false));
        assertThat(smtp.receivedFor(recipient.address())).isEmpty();

        String password = EngineHarness.SMTP_PASSWORD;
        assertThat(output.getAll()).as("the application's output").contains("Email delivery " + delivery.id())
                .doesNotContain(password);
        assertThat(jdbc.sql("select coalesce(string_agg(coalesce(error, ''), ' '), '') from webhook_attempt")
                .query(String.class).single()).doesNotContain(password);
        assertThat(jdbc.sql("select coalesce(string_agg(payload::text, ' '), '') from webhook_delivery")
                .query(String.class).single()).doesNotContain(password);
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        for (String path : List.of("/api/mail", "/api/mail/recipients",
                "/api/mail/recipients/" + recipient.id() + "/deliveries")) {
            String body = mvc.perform(get(path).with(user("admin").roles("ADMIN", "OPERATOR", "VIEWER")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(path).isNotEmpty().doesNotContain(password);
        }
    }
}
