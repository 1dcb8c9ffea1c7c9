package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import dev.tubebatch.security.CurrentUser;
import dev.tubebatch.webhook.MailService;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import dev.tubebatch.webhook.WebhookService;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The admins' Notifications view in the test's JVM (karibu-testing) on the embedded PostgreSQL, in an application
 * without {@code spring.mail.host}: it says email is off and how to turn it on, and recipients are added (refusals
 * on the field), given other events and removed; webhooks are added (the secret shown once), refused on the field,
 * shown with their deliveries and removed after a confirmation, by admins only. Shares its application with
 * {@link AccountViewsTest}.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/ui-accounts",
        "jobrunr.background-job-server.enabled=false",
        "jobrunr.dashboard.enabled=false"})
class NotificationsViewTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    MailService mail;

    @Autowired
    WebhookLog log;

    @Autowired
    WebhookService hooks;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
        log.recipients().forEach(r -> mail.delete(r.id()));
        log.webhooks().forEach(w -> hooks.delete(w.id()));
    }

    @Test
    void an_admin_adds_a_recipient_changes_its_events_and_removes_it_while_the_view_says_email_is_off() {
        KaribuSupport.signInAndSetUp(context, "notify-admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NotificationsView.class);
        NotificationsView view = _get(NotificationsView.class);
        assertThat(view.mailStatus.getText()).startsWith("Email is off: set spring.mail.host");

        view.address.setValue("ops at example.org");
        view.events.setValue(Set.of(WebhookEvent.BATCH_COMPLETED));
        view.add.click();
        assertThat(view.address.isInvalid()).isTrue();
        assertThat(view.address.getErrorMessage()).isEqualTo("not an email address (like name@example.org)");

        view.address.setValue("ops@example.org");
        view.events.clear();
        view.add.click();
        assertThat(view.events.isInvalid()).isTrue();
        assertThat(view.events.getErrorMessage()).isEqualTo("name at least one event");

        view.events.setValue(Set.of(WebhookEvent.BATCH_COMPLETED, WebhookEvent.BATCH_STOPPED));
        view.add.click();
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(view.grid, 0, "address")).isEqualTo("ops@example.org");
        assertThat(log.recipients().getFirst().events())
                .containsExactlyInAnyOrder(WebhookEvent.BATCH_COMPLETED, WebhookEvent.BATCH_STOPPED);

        assertThat(view.saveEvents.isEnabled()).isFalse();
        view.grid.select(view.grid.getListDataView().getItem(0));
        assertThat(view.selectedEvents.getValue())
                .containsExactlyInAnyOrder(WebhookEvent.BATCH_COMPLETED, WebhookEvent.BATCH_STOPPED);
        view.selectedEvents.setValue(Set.of(WebhookEvent.WATCH_FOUND_VIDEOS));
        view.saveEvents.click();
        assertThat(log.recipients()).extracting(WebhookLog.Recipient::events)
                .containsExactly(java.util.List.of(WebhookEvent.WATCH_FOUND_VIDEOS));

        view.grid.select(view.grid.getListDataView().getItem(0));
        view.delete.click();
        assertThat(log.recipients()).isEmpty();
        assertThat(GridKt._size(view.grid)).isZero();
    }

    @Test
    void an_admin_adds_a_webhook_sees_its_secret_once_sees_its_deliveries_and_removes_it_after_confirming() {
        KaribuSupport.signInAndSetUp(context, "hook-admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NotificationsView.class);
        WebhookPanel panel = _get(NotificationsView.class).webhooks;

        panel.url.setValue(" https://hooks.example.org/tubebatch ");
        panel.events.setValue(Set.of(WebhookEvent.BATCH_COMPLETED, WebhookEvent.WATCH_FOUND_VIDEOS));
        panel.add.click();

        WebhookLog.Webhook stored = log.webhooks().getFirst();
        assertThat(log.webhooks()).hasSize(1);
        assertThat(stored.url()).isEqualTo("https://hooks.example.org/tubebatch");
        assertThat(stored.events()).containsExactlyInAnyOrder(WebhookEvent.BATCH_COMPLETED,
                WebhookEvent.WATCH_FOUND_VIDEOS);
        assertThat(stored.createdBy()).isEqualTo("hook-admin");
        String secret = jdbc.sql("select secret from webhook where id = :id").param("id", stored.id())
                .query(String.class).single();
        assertThat(panel.secretDialog.isOpened()).isTrue();
        assertThat(panel.secret.isReadOnly()).isTrue();
        assertThat(panel.secret.getValue()).isEqualTo(secret).hasSize(64);
        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(panel.grid, 0)).contains("https://hooks.example.org/tubebatch")
                .noneMatch(cell -> cell.contains(secret));
        assertThat(panel.url.getValue()).isEmpty();

        panel.secretDialog.close();
        assertThat(panel.secret.getValue()).as("the secret is not kept once the dialog is closed").isEmpty();
        UI.getCurrent().navigate(NotificationsView.class);
        assertThat(_find(TextField.class)).noneMatch(field -> field.getValue().contains(secret));
        assertThat(_get(NotificationsView.class).webhooks.secretDialog.isOpened()).isFalse();

        long delivery = jdbc.sql("""
                insert into webhook_delivery (channel, webhook_id, event, event_key, payload, status, attempts,
                                              created_at)
                values ('WEBHOOK', :id, 'BATCH_COMPLETED', 'view-test', '{}', 'FAILED', 1, :now) returning id""")
                .param("id", stored.id()).param("now", Timestamp.from(Instant.now())).query(Long.class).single();
        jdbc.sql("""
                insert into webhook_attempt (delivery_id, attempt, at, status_code, error, millis)
                values (:delivery, 1, :now, 500, 'HTTP 500', 12)""")
                .param("delivery", delivery).param("now", Timestamp.from(Instant.now())).update();
        UI.getCurrent().navigate(NotificationsView.class);
        panel = _get(NotificationsView.class).webhooks;
        assertThat(panel.delete.isEnabled()).isFalse();
        panel.grid.select(panel.grid.getListDataView().getItem(0));
        assertThat(GridKt._size(panel.deliveries)).isEqualTo(1);
        assertThat(GridKt._getFormatted(panel.deliveries, 0, "status")).isEqualTo("FAILED");
        assertThat(GridKt._getFormatted(panel.deliveries, 0, "lastTry")).endsWith(" · 500 · HTTP 500");

        panel.delete.click();
        assertThat(panel.confirm.isOpened()).isTrue();
        assertThat(log.webhooks()).as("nothing is removed before the confirmation").hasSize(1);
        panel.confirmDelete.click();
        assertThat(panel.confirm.isOpened()).isFalse();
        assertThat(log.webhooks()).isEmpty();
        assertThat(GridKt._size(panel.grid)).isZero();
        assertThat(GridKt._size(panel.deliveries)).isZero();
    }

    @Test
    void a_webhook_with_a_bad_url_or_no_event_is_refused_on_that_field_and_nothing_is_stored() {
        KaribuSupport.signInAndSetUp(context, "hook-admin", "ADMIN", "OPERATOR", "VIEWER");
        UI.getCurrent().navigate(NotificationsView.class);
        WebhookPanel panel = _get(NotificationsView.class).webhooks;

        for (String bad : List.of("ftp://x", "", "hooks.example.org/no-scheme", "https://user@hooks.example.org/")) {
            panel.url.setValue(bad);
            panel.events.setValue(Set.of(WebhookEvent.BATCH_COMPLETED));
            panel.add.click();
            assertThat(panel.url.isInvalid()).as(bad).isTrue();
            assertThat(panel.url.getErrorMessage()).as(bad)
                    .isEqualTo("an http or https URL with a host and no user name");
        }
        panel.url.setValue("https://hooks.example.org/tubebatch");
        panel.events.clear();
        panel.add.click();
        assertThat(panel.url.isInvalid()).isFalse();
        assertThat(panel.events.isInvalid()).isTrue();
        assertThat(panel.events.getErrorMessage()).isEqualTo("name at least one event");

        assertThat(log.webhooks()).isEmpty();
        assertThat(GridKt._size(panel.grid)).isZero();
        assertThat(panel.secretDialog.isOpened()).isFalse();
    }

    @Test
    void a_non_admin_cannot_open_the_view_nor_add_or_remove_a_webhook() {
        WebhookService.Created existing = hooks.create("https://hooks.example.org/kept",
                List.of(WebhookEvent.BATCH_STOPPED), false, "admin");
        KaribuSupport.signInAndSetUp(context, "hook-operator", "OPERATOR", "VIEWER");
        assertThatThrownBy(() -> UI.getCurrent().navigate(NotificationsView.class))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(NotificationsView.class)).isEmpty();

        // The panel checks the role itself: a view that could not be opened is not a permission.
        WebhookPanel panel = new WebhookPanel(hooks, log, context.getBean(CurrentUser.class));
        panel.url.setValue("https://hooks.example.org/new");
        panel.events.setValue(Set.of(WebhookEvent.BATCH_COMPLETED));
        assertThatThrownBy(panel::create).isInstanceOf(AccessDeniedException.class);
        panel.grid.select(panel.grid.getListDataView().getItem(0));
        assertThatThrownBy(panel::delete).isInstanceOf(AccessDeniedException.class);

        assertThat(log.webhooks()).extracting(WebhookLog.Webhook::id).containsExactly(existing.id());
        assertThat(panel.secret.getValue()).isEmpty();
    }
}
