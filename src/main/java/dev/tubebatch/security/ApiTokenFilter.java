package dev.tubebatch.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tb_...} on the API. A bearer token that is unknown or revoked is
 * refused at once with 401; it never falls back to another way of signing in. Not a bean on purpose: Spring Boot
 * would otherwise register it for every request, not only the API's.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokens tokens;
    private final SecurityContextHolderStrategy contexts;

    /**
     * @param contexts this application's holder of the security context, the one its filters read: the static
     *     {@code SecurityContextHolder} is whichever application started last in this JVM (Vaadin replaces it)
     */
    ApiTokenFilter(ApiTokens tokens, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.ApiToken> token = tokens.authenticate(header.substring(BEARER.length()).strip());
        if (token.isEmpty()) {
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unknown or revoked API token",
                    "The bearer token is not valid; ask an admin for a new one.");
            return;
        }
        var authorities = token.get().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "token:" + token.get().name(), null, authorities);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(authentication);
        contexts.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
