package dev.tubebatch.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the login view after a failed sign-in: {@code ?error} for a wrong name or password, {@code ?locked=N}
 * (seconds) when sign-ins are refused for a while, so that the view can say which.
 */
final class LoginFailureHandler implements AuthenticationFailureHandler {

    private final String loginRoute;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    LoginFailureHandler(String loginRoute) {
        this.loginRoute = loginRoute;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String target = exception instanceof LoginThrottledException throttled
                ? loginRoute + "?locked=" + throttled.retryAfterSeconds()
                : loginRoute + "?error";
        redirects.sendRedirect(request, response, target);
    }
}
