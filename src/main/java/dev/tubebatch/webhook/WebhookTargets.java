package dev.tubebatch.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may post to: http or https with a host, and, unless an admin allowed it for that webhook, no
 * address that is loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified. Checked
 * when the webhook is made and again, on the resolved addresses, before every try.
 */
final class WebhookTargets {

    private WebhookTargets() {}

    /** The URL, checked for form. @throws IllegalArgumentException naming the field */
    static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url: not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url: an http or https URL with a host and no user name");
        }
        return uri;
    }

    /** Why the target may not be reached, or null when it may. */
    static @org.jspecify.annotations.Nullable String refusal(URI uri, boolean allowPrivate) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "unknown host " + uri.getHost();
        }
        if (allowPrivate) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                return "refused: " + uri.getHost() + " is a private or loopback address (an admin may allow it)";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || carrierNat
                || thisNetwork;
    }
}
