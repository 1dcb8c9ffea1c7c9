package dev.tubebatch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import dev.tubebatch.webhook.MailService;
import dev.tubebatch.webhook.WebhookEvent;
import dev.tubebatch.webhook.WebhookLog;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The admins' Notifications view in the test's JVM (karibu-testing) on the embedded PostgreSQL, in an application
 * without {@code spring.mail.host}: it says email is off and how to turn it on, and recipients are added (refusals
 * on the field), given other events and removed. Shares its application with {@link AccountViewsTest}.
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

    @AfterEach
    void tearDown() {
        KaribuSupport.tearDown();
        log.recipients().forEach(r -> mail.delete(r.id()));
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
}
