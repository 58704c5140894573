package dev.logindoctor.steps;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.UserRecord;

import java.util.Locale;
import java.util.Optional;

/**
 * The wrong-endpoint signature: the login went to a host that cannot serve it, or to the other
 * environment than the one that holds the user. CheckLoginEndpoint confirms on it and CheckUsername
 * stays inconclusive when it is present: a username missing from production may be a sandbox
 * username sent to production rather than a typo.
 */
public record WrongEndpoint(String line, String useInstead) {

    public static Optional<WrongEndpoint> of(Facts f) {
        FailureReport report = f.report();
        LoginHost host = f.host();
        ErrorSignals err = f.errors();
        OrgEvidence org = f.org();
        OrgInfo info = org.available() ? org.organization() : null;
        LoginHost diagnostics = org.available() && org.diagnosticsLoginUrl() != null ? LoginHost.of(org.diagnosticsLoginUrl()) : null;

        if (host.neverServesLogins()) {
            return Optional.of(new WrongEndpoint("the login URL's host " + host.display()
                    + (host.kind() == LoginHost.Kind.LIGHTNING ? " is the Lightning UI host" : " is a Visualforce/force.com content host")
                    + ": it does not serve logins (a POST there answers 405 \"Only POST allowed\")",
                    myDomainFor(host, diagnostics, info)));
        }
        if (err.methodNotAllowed()) {
            return Optional.of(new WrongEndpoint(err.describe() + ": the call reached a host that does not serve logins",
                    myDomainFor(host, diagnostics, info)));
        }
        // The client credentials flow is served only on the org's My Domain
        // (docs/salesforce-wire-facts.md#oauth-client-credentials-flow): login. and test.salesforce.com answer
        // it with unsupported_grant_type or invalid_grant "request not supported on this domain". The report
        // proves it.
        if (report.flow() == LoginFlow.OAUTH_CLIENT_CREDENTIALS && host.isGeneric()
                && (err.unsupportedGrantType() || err.requestNotSupportedOnDomain())) {
            return Optional.of(new WrongEndpoint(err.describe() + " from " + host.display()
                    + ": the client credentials flow is served only on the org's My Domain, not on a generic login host",
                    myDomainFor(host, diagnostics, info)));
        }
        if (!org.available() || info == null) {
            return Optional.empty();
        }
        Boolean reaches = host.reaches(info);
        if (org.userLookup() == Lookup.FOUND && Boolean.FALSE.equals(reaches)) {
            return Optional.of(new WrongEndpoint("user " + report.username() + " exists in " + OrgScope.orgName(info) + ", "
                    + OrgScope.kind(info) + ", but the login went to " + host.display() + ", which reaches "
                    + LoginHost.describe(host.environment()), hostFor(info, diagnostics)));
        }
        if (org.userLookup() == Lookup.FOUND && host.isMyDomain() && diagnostics != null && diagnostics.isMyDomain()
                && !host.myDomainName().equals(diagnostics.myDomainName())) {
            // Usernames are unique across Salesforce: the user lives in the diagnostics org, not behind this My Domain.
            return Optional.of(new WrongEndpoint("user " + report.username() + " exists in " + OrgScope.orgName(info)
                    + " (My Domain " + diagnostics.myDomainName() + "), but the login went to the My Domain "
                    + host.myDomainName() + " (" + host.display() + ")", hostFor(info, diagnostics)));
        }
        UserRecord base = org.baseUsernameUser();
        if (org.userLookup() == Lookup.NOT_FOUND && base != null && !info.sandbox()
                && host.environment() == LoginHost.Environment.PRODUCTION) {
            Optional<String> suffix = sandboxSuffix(report.username(), base.username());
            if (suffix.isPresent()) {
                return Optional.of(new WrongEndpoint("no user " + report.username() + " in production org " + OrgScope.orgName(info)
                        + ", but its production user " + base.username() + " exists: '" + suffix.get()
                        + "' is a sandbox suffix, and sandbox usernames log in at test.salesforce.com, not " + host.display(),
                        sandboxHostFor(suffix.get(), diagnostics)));
            }
        }
        if (err.unsupportedGrantType() && info.sandbox() && host.kind() == LoginHost.Kind.PRODUCTION_GENERIC) {
            return Optional.of(new WrongEndpoint(err.describe() + " from " + host.display() + ", and the org "
                    + OrgScope.orgName(info) + " is " + OrgScope.kind(info) + ": its token endpoint is on test.salesforce.com",
                    hostFor(info, diagnostics)));
        }
        return Optional.empty();
    }

    /** The suffix when {@code username} is {@code base} plus ".suffix" (how sandbox copies rename users). */
    static Optional<String> sandboxSuffix(String username, String base) {
        if (username == null || base == null) {
            return Optional.empty();
        }
        String u = username.toLowerCase(Locale.ROOT);
        String b = base.toLowerCase(Locale.ROOT);
        if (u.length() > b.length() + 1 && u.startsWith(b) && u.charAt(b.length()) == '.') {
            String suffix = u.substring(b.length() + 1);
            return suffix.contains(".") || suffix.contains("@") ? Optional.empty() : Optional.of(suffix);
        }
        return Optional.empty();
    }

    private static String hostFor(OrgInfo info, LoginHost diagnostics) {
        String generic = info.sandbox() ? LoginHost.SANDBOX_LOGIN : LoginHost.PRODUCTION_LOGIN;
        if (diagnostics != null && diagnostics.isMyDomain() && Boolean.TRUE.equals(diagnostics.reaches(info))) {
            return "https://" + diagnostics.display() + " (the org's My Domain) or " + generic;
        }
        return generic + (info.sandbox() ? " (or the sandbox's My Domain)" : " (or the org's My Domain)");
    }

    private static String sandboxHostFor(String suffix, LoginHost diagnostics) {
        if (diagnostics != null && diagnostics.kind() == LoginHost.Kind.MY_DOMAIN_PRODUCTION) {
            return LoginHost.SANDBOX_LOGIN + " (or the sandbox's My Domain, with enhanced domains https://"
                    + diagnostics.myDomainName() + "--" + suffix + ".sandbox.my.salesforce.com)";
        }
        return LoginHost.SANDBOX_LOGIN + " (or the '" + suffix + "' sandbox's My Domain)";
    }

    private static String myDomainFor(LoginHost host, LoginHost diagnostics, OrgInfo info) {
        if (host.kind() == LoginHost.Kind.LIGHTNING && host.myDomainName() != null) {
            String env = host.environment() == LoginHost.Environment.SANDBOX ? ".sandbox"
                    : host.environment() == LoginHost.Environment.SCRATCH ? ".scratch" : "";
            return "https://" + host.myDomainName() + env + ".my.salesforce.com (the org's My Domain)";
        }
        if (diagnostics != null && diagnostics.isMyDomain()) {
            return "https://" + diagnostics.display() + " (the org's My Domain)";
        }
        if (info != null) {
            return hostFor(info, diagnostics);
        }
        return "the org's My Domain (https://<mydomain>.my.salesforce.com), " + LoginHost.PRODUCTION_LOGIN + " or " + LoginHost.SANDBOX_LOGIN;
    }
}
