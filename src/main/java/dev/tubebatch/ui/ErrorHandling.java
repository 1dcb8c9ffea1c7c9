package dev.tubebatch.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Shows an error in a view as a short notification instead of a stack trace, and logs it. Expected refusals
 * (a missing role, bad input) show their own message.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            String message;
            if (cause instanceof AccessDeniedException || cause instanceof IllegalArgumentException
                    || cause instanceof IllegalStateException) {
                message = cause.getMessage();
                log.info("Refused in a view: {}", message);
            } else {
                message = "Something went wrong; the error was logged.";
                log.error("Unexpected error in a view", cause);
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }
}
