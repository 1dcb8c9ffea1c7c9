package dev.tubebatch.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * The sign-in page; Spring Security handles the form's POST to {@code /login} and comes back with {@code ?error}
 * (wrong name or password) or {@code ?locked=N} (sign-ins refused for N seconds after too many failed ones).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · tubebatch")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();
    /** The texts the form shows, the error message among them. */
    LoginI18n texts = LoginI18n.createDefault();

    LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentModeOnly();
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        add(new H1("tubebatch"), new Paragraph("Transcripts and summaries for many YouTube videos at once."), form);
    }

    private void setJustifyContentModeOnly() {
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        texts = LoginI18n.createDefault();
        List<String> locked = parameters.getOrDefault("locked", List.of());
        if (!locked.isEmpty()) {
            texts.getErrorMessage().setTitle("Too many failed sign-ins");
            texts.getErrorMessage().setMessage("Sign-ins for this user or from this address are refused for a "
                    + "while. Try again in " + waitText(locked.getFirst()) + ".");
        }
        form.setI18n(texts);
        form.setError(parameters.containsKey("error") || !locked.isEmpty());
    }

    /** "1 minute", "3 minutes" or "40 seconds", from the seconds in the address. */
    static String waitText(String seconds) {
        long wait;
        try {
            wait = Math.max(1, Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return "a few minutes";
        }
        if (wait < 60) {
            return wait + (wait == 1 ? " second" : " seconds");
        }
        long minutes = (wait + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
