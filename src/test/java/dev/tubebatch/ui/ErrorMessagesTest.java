package dev.tubebatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when something fails, on the shared views context ({@link ViewsTestBase}): a sentence and an
 * error id the log has, never a class name or a stack.
 */
class ErrorMessagesTest extends ViewsTestBase {

    @Test
    void an_unexpected_error_says_what_to_do_with_an_id_the_log_has_and_never_its_class_or_stack() {
        KaribuSupport.signInAndSetUp(context, "viewer", "VIEWER");
        UI.getCurrent().navigate(BatchesView.class);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                ErrorMessages.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            // What the session's error handler gets when a listener fails: here a fault no user can act on.
            com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler().error(new com.vaadin.flow.server
                    .ErrorEvent(new IllegalStateException("java.sql.SQLException: connection closed\n\tat x.y()")));
            MockVaadin.clientRoundtrip(false);

            String shown = shownNotification();
            assertThat(shown).doesNotContain("Exception").doesNotContain("java.").doesNotContain("\tat ")
                    .startsWith("This did not work. Reload the page and try again");
            String id = shown.replaceAll(".*error id ([0-9a-f]{8})\\.$", "$1");
            assertThat(id).matches("[0-9a-f]{8}");
            assertThat(logged.list).anySatisfy(event -> {
                assertThat(event.getFormattedMessage()).contains(id);
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException");
            });

            // An expected refusal keeps its own sentence.
            com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();
            com.vaadin.flow.server.VaadinSession.getCurrent().getErrorHandler().error(new com.vaadin.flow.server
                    .ErrorEvent(new dev.tubebatch.batch.BatchStateException(dev.tubebatch.batch.BatchStatus.CANCELLED,
                            "a cancelled batch cannot be retried")));
            MockVaadin.clientRoundtrip(false);
            assertThat(shownNotification()).isEqualTo("The batch is CANCELLED; a cancelled batch cannot be retried.");
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static String shownNotification() {
        List<com.vaadin.flow.component.notification.Notification> shown =
                com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications();
        assertThat(shown).hasSize(1);
        return shown.getFirst().getElement().getProperty("text", "");
    }
}
