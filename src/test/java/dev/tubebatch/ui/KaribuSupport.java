package dev.tubebatch.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/**
 * Vaadin in the test's JVM, without a servlet container: the views of {@code dev.tubebatch.ui}, with a user signed
 * in as Spring Security would sign them in, so that Vaadin's access control and {@code AuthenticationContext} see
 * them.
 */
final class KaribuSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.tubebatch.ui");

    private KaribuSupport() {}

    static void signInAndSetUp(ApplicationContext context, String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                new User(username, "", authorities), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(token);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(token);
        request.setUserInRole((principal, role) -> Arrays.asList(roles).contains(role));
    }

    static void tearDown() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }
}
