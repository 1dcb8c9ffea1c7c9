package dev.tubebatch.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests to the API and the operations endpoints need the CSRF token. A cross-site page can make a browser
 * send its cookies and any HTTP basic credentials it remembers, but never an {@code Authorization: Bearer} header;
 * so a bearer token is proof enough. Basic from a script (curl sends no {@code Origin} and no {@code Sec-Fetch-*})
 * is too; basic from a browser needs the token like the session does. A request without credentials or session
 * is refused by authorization anyway.
 */
final class ApiCredentials {

    private ApiCredentials() {}

    static boolean cannotBeForged(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null) {
            return request.getSession(false) == null;
        }
        if (startsWith(authorization, "Bearer ")) {
            return true;
        }
        return startsWith(authorization, "Basic ") && !fromBrowser(request);
    }

    /** Browsers send these with every request they make for a page; tools do not. */
    private static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Origin") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Mode") != null;
    }

    private static boolean startsWith(String header, String scheme) {
        return header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
