package dev.tubebatch.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The sign-in page; Spring Security handles the form's POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · tubebatch")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

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
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
