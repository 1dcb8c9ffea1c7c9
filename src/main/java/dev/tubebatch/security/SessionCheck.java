package dev.tubebatch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose user was removed, or whose password or roles changed after it signed in (by an
 * admin, on any node): each session remembers a stamp of its user ({@link UserDirectory#stamp}) and compares it
 * with PostgreSQL at most once per {@code tubebatch.security.session-check}. A user who changes their own password
 * keeps the session they changed it in ({@link #restamp}); their other sessions end.
 */
final class SessionCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCheck.class);
    private static final String STAMP = SessionCheck.class.getName() + ".stamp";
    private static final String CHECKED = SessionCheck.class.getName() + ".checked";

    private final UserDirectory users;
    private final Duration interval;
    private final SecurityContextHolderStrategy contexts;
    private final Clock clock;

    SessionCheck(UserDirectory users, Duration interval, SecurityContextHolderStrategy contexts, Clock clock) {
        this.users = users;
        this.interval = interval;
        this.contexts = contexts;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = contexts.getContext().getAuthentication();
        if (session != null && signedIn != null && signedIn.isAuthenticated() && !isAnonymous(signedIn)
                && !stillValid(session, signedIn.getName())) {
            log.info("A session of user {} ended: the user was removed, or their password or roles changed",
                    signedIn.getName());
            contexts.clearContext();
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    /** After the session's own user changed their password: this session stays signed in. */
    static void restamp(UserDirectory users, SessionAttributes session, String username, Clock clock) {
        users.stamp(username).ifPresent(stamp -> {
            session.set(STAMP, stamp);
            session.set(CHECKED, clock.instant());
        });
    }

    /** The two session operations {@link #restamp} needs, from a servlet or a Vaadin session. */
    interface SessionAttributes {
        void set(String name, Object value);
    }

    private boolean stillValid(HttpSession session, String username) {
        Instant now = clock.instant();
        if (session.getAttribute(CHECKED) instanceof Instant checked && now.isBefore(checked.plus(interval))) {
            return true;
        }
        Optional<String> stamp = users.stamp(username);
        if (stamp.isEmpty()) {
            return false;
        }
        @Nullable Object known = session.getAttribute(STAMP);
        if (known == null) {
            // The first request after signing in: the user as it is now is what this session signed in as.
            session.setAttribute(STAMP, stamp.get());
        } else if (!known.equals(stamp.get())) {
            return false;
        }
        session.setAttribute(CHECKED, now);
        return true;
    }

    private static boolean isAnonymous(Authentication authentication) {
        return authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
    }
}
