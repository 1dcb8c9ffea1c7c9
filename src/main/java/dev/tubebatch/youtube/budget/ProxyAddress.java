package dev.tubebatch.youtube.budget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * One proxy for yt-dlp's {@code --proxy}: its URL (which may carry a user and password) and its key, the scheme, host
 * and port alone. Only the URL goes to yt-dlp; logs, records and pages see the key. {@link #toString()} is the key.
 */
public record ProxyAddress(String url, String key) {

    static final Set<String> SCHEMES = Set.of("http", "https", "socks5");

    /**
     * Reads {@code tubebatch.youtube.proxies[index]}.
     *
     * @throws IllegalArgumentException naming the entry, never repeating its text (it may hold a password)
     */
    static ProxyAddress parse(String text, int index) {
        String where = "tubebatch.youtube.proxies[" + index + "]";
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + ": not a URL (scheme://[user:password@]host:port)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException(where + ": the scheme must be http, https or socks5, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(where + ": no host");
        }
        if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException(where + ": a proxy URL has no path, query or fragment");
        }
        String key = scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return new ProxyAddress(text.strip(), key);
    }

    /** Whether the URL carries a user or password, which must then never be shown. */
    public boolean hasCredentials() {
        return !url.equals(key) && url.contains("@");
    }

    /** {@code text} with this proxy's URL, and its user information, replaced by its key. */
    public String scrub(String text) {
        if (!hasCredentials()) {
            return text;
        }
        String scrubbed = text.replace(url, key);
        int at = url.lastIndexOf('@');
        int start = url.indexOf("://") + 3;
        if (at > start) {
            scrubbed = scrubbed.replace(url.substring(start, at), "***");
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return key;
    }
}
