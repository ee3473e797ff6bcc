package dev.prescreen.domain.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs events may be sent to. In AWS: HTTPS only, and never to an address inside a network (private,
 * loopback, link-local such as the instance metadata service, unique-local, multicast or unspecified), checked on
 * every address the name resolves to, so a webhook cannot be used to reach what the functions can reach (SSRF).
 * Locally, plain HTTP to the loopback interface may be allowed for a test receiver.
 */
public final class WebhookUrlPolicy {

    public static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name to its addresses (DNS in production; a table in tests). */
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    public WebhookUrlPolicy(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** The policy for AWS: HTTPS to public addresses only, resolved by the system's DNS. */
    public static WebhookUrlPolicy strict() {
        return new WebhookUrlPolicy(false, host -> List.of(InetAddress.getAllByName(host)));
    }

    /** Why a URL may not receive events, or empty when it may. */
    public Optional<String> problem(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("must be an absolute URL with a host, without credentials or fragment");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        boolean loopbackOnly = !addresses.isEmpty() && addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (scheme.equals("http") && allowLoopbackHttp && loopbackOnly) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of("must use https");
        }
        if (!allowLoopbackHttp && addresses.stream().anyMatch(WebhookUrlPolicy::internal)) {
            return Optional.of("resolves to a private, loopback or link-local address");
        }
        return Optional.empty();
    }

    /** An address inside a network rather than on the internet. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        // IPv6 unique-local fc00::/7, IPv4 carrier-grade NAT 100.64/10 and the 0/8 "this network" block
        return (b.length == 16 && (b[0] & 0xfe) == 0xfc)
                || (b.length == 4 && ((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0));
    }
}
