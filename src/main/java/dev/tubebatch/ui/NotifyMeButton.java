package dev.tubebatch.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;

/**
 * "Notify me": asks the browser for permission to show notifications, on the click itself (browsers allow the
 * question only on a user gesture, so it is asked in the page, not after a round trip). With permission, the end of a
 * batch shows a browser notification too ({@link BatchEndNotices}). The button says what the browser answered.
 */
class NotifyMeButton extends Button {

    NotifyMeButton() {
        super("Notify me when batches end");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        getElement().addEventListener("notify-permission", e -> {
            var answer = e.getEventData().get("event.detail");
            permission(answer == null ? "default" : answer.asString());
        }).addEventData("event.detail");
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        getElement().executeJs("""
                const button = this;
                const tell = p => button.dispatchEvent(new CustomEvent('notify-permission', {detail: p}));
                if (!window.Notification) { tell('unsupported'); return; }
                if (!button.__tubebatchAsks) {
                  button.__tubebatchAsks = true;
                  button.addEventListener('click', () => Notification.requestPermission().then(tell));
                }
                tell(Notification.permission);""");
    }

    /** What the browser said: default (not asked yet), granted, denied or unsupported. */
    void permission(String answer) {
        switch (answer) {
            case "granted" -> {
                setText("Browser notifications on");
                setEnabled(false);
            }
            case "denied" -> {
                setText("Notifications are blocked in this browser's site settings");
                setEnabled(false);
            }
            case "unsupported" -> setVisible(false);
            default -> {
                setText("Notify me when batches end");
                setEnabled(true);
            }
        }
    }
}
