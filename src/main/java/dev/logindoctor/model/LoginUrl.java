package dev.logindoctor.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Salesforce login URL, parsed once: scheme and host in lower case, the host without a trailing
 * dot (an IPv6 literal keeps its brackets), the port when one is written, the path as given.
 * {@link #parse} is the rule every entry point applies (a report, a registered integration, the
 * diagnostics secret): an absolute https:// URL with a host and no user info; http:// only for a
 * loopback host, which is the simulator. {@link #lenient} reads what people and the org write,
 * a bare host included, for classifying rather than for connecting.
 */
public record LoginUrl(String scheme, String host, int port, String path) {
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    /** Hosts whose first label is the org's My Domain name (production, sandbox and scratch forms alike). */
    private static final List<String> MY_DOMAIN_SUFFIXES = List.of(".my.salesforce.com", ".lightning.force.com");

    /** Why a text is not a usable login URL; callers add the field it came from. */
    public static final class Invalid extends IllegalArgumentException {
        public Invalid(String reason) {
            super(reason, null);
        }
    }

    /** The URL a connection may be made to, or {@link Invalid} saying what is wrong (never echoing the text). */
    public static LoginUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("is required, e.g. https://acme.my.salesforce.com");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new Invalid("is not a URL (expected e.g. https://acme.my.salesforce.com)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new Invalid("must be an https:// URL such as https://login.salesforce.com or https://acme.my.salesforce.com");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Invalid("must not carry credentials");
        }
        LoginUrl url = of(scheme, uri);
        if (scheme.equals("http") && !url.loopback()) {
            throw new Invalid("must use https:// (http:// is accepted only for a loopback host, the simulator)");
        }
        return url;
    }

    /** Any text with a host: a bare host reads as https://host. Empty when there is no host to be had. */
    public static Optional<LoginUrl> lenient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        try {
            URI uri = new URI(stripped.contains("://") ? stripped : "https://" + stripped);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(of(uri.getScheme() == null ? "https" : uri.getScheme().toLowerCase(Locale.ROOT), uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static LoginUrl of(String scheme, URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return new LoginUrl(scheme, host, uri.getPort(), uri.getPath() == null ? "" : uri.getPath());
    }

    /** Loopback by its literal name only (localhost, 127.x.y.z, ::1): never a DNS lookup. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || (IPV4.matcher(h).matches() && h.startsWith("127."));
    }

    public boolean loopback() {
        return isLoopbackHost(host);
    }

    /** The port a connection uses: the written one, else the scheme's default. */
    public int effectivePort() {
        return port >= 0 ? port : scheme.equals("http") ? 80 : 443;
    }

    /** {@code scheme://host[:port]}: what a pasted URL's path, case and trailing dot do not change. */
    public String origin() {
        return scheme + "://" + host + (port < 0 ? "" : ":" + port);
    }

    /**
     * The org's My Domain name from a My Domain host ({@code acme.my.salesforce.com},
     * {@code acme--uat.sandbox.my.salesforce.com}, {@code acme.lightning.force.com}); null for a
     * generic, Experience Cloud or other host.
     */
    public String myDomainAlias() {
        for (String suffix : MY_DOMAIN_SUFFIXES) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                String rest = host.substring(0, host.length() - suffix.length());
                int dot = rest.indexOf('.');
                return dot < 0 ? rest : rest.substring(0, dot);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return origin() + path;
    }
}
