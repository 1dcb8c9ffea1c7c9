package dev.tubebatch.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
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

    CurrentUser(AuthenticationContext authentication) {
        this.authentication = authentication;
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

    public void logout() {
        authentication.logout();
    }
}
