package dev.logindoctor.steps;

import dev.logindoctor.model.LoginUrl;
import dev.logindoctor.model.OrgInfo;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a login URL's host says about where the login goes: the generic production or sandbox host,
 * a My Domain (production, sandbox, scratch), a host that never serves logins (Lightning, Visualforce),
 * the loopback simulator (the environment cannot be told from it), or something else.
 */
public record LoginHost(String url, String scheme, String host, int port, Kind kind, String myDomainName, String path) {

    public enum Kind {
        PRODUCTION_GENERIC, SANDBOX_GENERIC,
        MY_DOMAIN_PRODUCTION, MY_DOMAIN_SANDBOX, MY_DOMAIN_SCRATCH,
        /** {@code *.lightning.force.com}: the UI host, answers a login POST with 405. */
        LIGHTNING,
        /** Visualforce and other {@code *.force.com} content hosts. */
        FORCE_COM,
        LOOPBACK, OTHER, UNPARSABLE
    }

    /** Which kind of org a host reaches. */
    public enum Environment { PRODUCTION, SANDBOX_OR_SCRATCH, SANDBOX, SCRATCH, UNKNOWN }

    public static final String PRODUCTION_LOGIN = "https://login.salesforce.com";
    public static final String SANDBOX_LOGIN = "https://test.salesforce.com";

    private static final Pattern SOAP_VERSION = Pattern.compile("(?i)/services/Soap/[uc]/(\\d+)\\.(\\d+)");

    /** What a URL as written (a bare host too) says; UNPARSABLE when it has no host. */
    public static LoginHost of(String url) {
        return LoginUrl.lenient(url)
                .map(parsed -> of(url, parsed))
                .orElseGet(() -> new LoginHost(url, null, null, -1, Kind.UNPARSABLE, null, ""));
    }

    private static LoginHost of(String url, LoginUrl parsed) {
        Kind kind = classify(parsed);
        String myDomain = switch (kind) {
            case MY_DOMAIN_PRODUCTION, MY_DOMAIN_SANDBOX, MY_DOMAIN_SCRATCH, LIGHTNING -> parsed.myDomainAlias();
            default -> null;
        };
        return new LoginHost(url, parsed.scheme(), parsed.host(), parsed.effectivePort(), kind, myDomain, parsed.path());
    }

    private static Kind classify(LoginUrl url) {
        String host = url.host();
        if (url.loopback()) {
            return Kind.LOOPBACK;
        }
        if (host.equals("login.salesforce.com")) {
            return Kind.PRODUCTION_GENERIC;
        }
        if (host.equals("test.salesforce.com")) {
            return Kind.SANDBOX_GENERIC;
        }
        if (host.endsWith(".scratch.my.salesforce.com")) {
            return Kind.MY_DOMAIN_SCRATCH;
        }
        if (host.endsWith(".sandbox.my.salesforce.com")) {
            return Kind.MY_DOMAIN_SANDBOX;
        }
        if (host.endsWith(".my.salesforce.com")) {
            // Before enhanced domains a sandbox's My Domain was mydomain--sandboxname.my.salesforce.com.
            return host.substring(0, host.indexOf('.')).contains("--") ? Kind.MY_DOMAIN_SANDBOX : Kind.MY_DOMAIN_PRODUCTION;
        }
        if (host.endsWith(".lightning.force.com")) {
            return Kind.LIGHTNING;
        }
        if (host.endsWith(".force.com") || host.equals("force.com") || host.endsWith(".visualforce.com")) {
            return Kind.FORCE_COM;
        }
        return Kind.OTHER;
    }

    public boolean isGeneric() {
        return kind == Kind.PRODUCTION_GENERIC || kind == Kind.SANDBOX_GENERIC;
    }

    public boolean isMyDomain() {
        return kind == Kind.MY_DOMAIN_PRODUCTION || kind == Kind.MY_DOMAIN_SANDBOX || kind == Kind.MY_DOMAIN_SCRATCH;
    }

    /** Hosts that never serve a login: a POST there fails with 405 "Only POST allowed" or an HTML page. */
    public boolean neverServesLogins() {
        return kind == Kind.LIGHTNING || kind == Kind.FORCE_COM;
    }

    public Environment environment() {
        return switch (kind) {
            case PRODUCTION_GENERIC, MY_DOMAIN_PRODUCTION -> Environment.PRODUCTION;
            case SANDBOX_GENERIC -> Environment.SANDBOX_OR_SCRATCH;
            case MY_DOMAIN_SANDBOX -> Environment.SANDBOX;
            case MY_DOMAIN_SCRATCH -> Environment.SCRATCH;
            case LIGHTNING -> host.endsWith(".sandbox.lightning.force.com") ? Environment.SANDBOX
                    : host.endsWith(".scratch.lightning.force.com") ? Environment.SCRATCH : Environment.PRODUCTION;
            default -> Environment.UNKNOWN;
        };
    }

    /** Whether this host reaches an org like {@code org}; null when the host or the org cannot tell. */
    public Boolean reaches(OrgInfo org) {
        if (org == null) {
            return null;
        }
        return switch (environment()) {
            case PRODUCTION -> !org.sandbox();
            case SANDBOX_OR_SCRATCH -> org.sandbox();
            case SANDBOX -> org.sandbox() && !org.scratch();
            case SCRATCH -> org.scratch();
            case UNKNOWN -> null;
        };
    }

    /** The same server: host (case-insensitive) and port. */
    public boolean sameEndpoint(LoginHost other) {
        return other != null && host != null && host.equals(other.host) && port == other.port;
    }

    /** The API version of a SOAP login URL ({@code /services/Soap/u/65.0}), when the URL carries one. */
    public Optional<ApiVersion> soapApiVersion() {
        Matcher m = SOAP_VERSION.matcher(path == null ? "" : path);
        return m.find() ? Optional.of(new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    /** The host as people write it, with a non-default port. */
    public String display() {
        if (host == null) {
            return String.valueOf(url);
        }
        boolean defaultPort = (port == 443 && "https".equals(scheme)) || (port == 80 && "http".equals(scheme));
        return defaultPort ? host : host + ":" + port;
    }

    public static String describe(Environment environment) {
        return switch (environment) {
            case PRODUCTION -> "production orgs";
            case SANDBOX_OR_SCRATCH -> "sandbox and scratch orgs";
            case SANDBOX -> "a sandbox";
            case SCRATCH -> "a scratch org";
            case UNKNOWN -> "an org of unknown kind";
        };
    }

    public record ApiVersion(int major, int minor) {
        /** True when this version is above {@code maxMajor}.0. */
        public boolean above(int maxMajor) {
            return major > maxMajor || (major == maxMajor && minor > 0);
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }
}
