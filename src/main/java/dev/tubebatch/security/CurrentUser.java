package dev.tubebatch.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in user, for views: their name, their roles, and the server-side check that an action is allowed
 * (a hidden button is not a permission).
 */
@Component
@ConditionalOnWebApplication
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserDirectory users;
    private final Clock clock;

    CurrentUser(AuthenticationContext authentication, UserDirectory users, Clock clock) {
        this.authentication = authentication;
        this.users = users;
        this.clock = clock;
    }

    public String name() {
        return authentication.getPrincipalName().orElse("anonymous");
    }

    public boolean has(String role) {
        return authentication.hasRole(role);
    }

    /** Throws unless the user has the role; views call it at the start of every action handler. */
    public void require(String role) {
        if (!has(role)) {
            throw new AccessDeniedException("This needs the " + role + " role");
        }
    }

    /**
     * After this user changed their own password: the session they did it in stays signed in; their other
     * sessions end at their next request ({@link SessionCheck}).
     */
    public void passwordChanged() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            SessionCheck.restamp(users, vaadin.getSession()::setAttribute, name(), clock);
        }
    }

    public void logout() {
        authentication.logout();
    }
}
