package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.MyDomainPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MY_DOMAIN_LOGIN_REQUIRED: the org accepts logins only through its My Domain host, and the
 * integration used a generic one (login.salesforce.com, test.salesforce.com, an instance host).
 * Confirmed by the org's My Domain login policy with such a host in the report, or by a "Restricted
 * domain" row for a login through such a host. That row's text is shared with a global domain block,
 * so through the org's own My Domain it proves nothing. The refusal itself is the bundled error.
 */
public final class CheckMyDomainLogin extends BaseCheck {

    /** An instance host such as na123.salesforce.com or cs42.salesforce.com: generic, not the org's own. */
    private static final Pattern INSTANCE_HOST = Pattern.compile("[a-z]{2,4}\\d{1,4}\\.salesforce\\.com");

    public CheckMyDomainLogin() {
        super(Cause.MY_DOMAIN_LOGIN_REQUIRED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        LoginHost host = f.host();
        if (host.isMyDomain()) {
            List<String> lines = new ArrayList<>();
            lines.add("the integration logs in through the My Domain host " + host.display());
            if (f.row().says(LoginStatus.RESTRICTED_MY_DOMAIN)) {
                lines.addAll(f.row().lines());
                lines.add("'Restricted domain' through a My Domain host is not the My Domain policy (the same text marks a global domain block)");
                return inconclusive(lines);
            }
            return ruledOut(lines);
        }
        boolean generic = host.isGeneric() || (host.host() != null && INSTANCE_HOST.matcher(host.host()).matches());
        if (!generic) {
            return inconclusive(List.of("cannot tell whether " + host.display() + " is the org's My Domain host"));
        }
        String via = "the integration logs in through the generic host " + host.display();
        if (f.row().says(LoginStatus.RESTRICTED_MY_DOMAIN)) {
            List<String> lines = new ArrayList<>(List.of(via));
            lines.addAll(f.row().lines());
            MyDomainPolicy policy = f.org().myDomainPolicy();
            if (policy != null && Boolean.TRUE.equals(required(policy, f.report().flow()))) {
                lines.add("and the org's My Domain policy refuses " + kind(f.report().flow()) + " logins through other hosts ("
                        + field(f.report().flow()) + " = true)");
            }
            return confirmed(lines, remediation(f));
        }
        List<String> lines = new ArrayList<>();
        lines.add(via);
        if (!f.org().available() || f.org().myDomainPolicy() == null) {
            lines.add("the org's My Domain login policy is unknown: " + f.org().gap("myDomain"));
            return inconclusive(lines);
        }
        boolean sameOrg = f.scope().same() || ownInstance(host, f);
        if (!sameOrg || f.org().userLookup() != Lookup.FOUND) {
            lines.add("the org's policy is not evidence about this login: " + (sameOrg
                    ? "the user " + f.report().username() + " was not found in the diagnostics org" : f.scope().reason()));
            return inconclusive(lines);
        }
        Boolean required = required(f.org().myDomainPolicy(), f.report().flow());
        if (Boolean.TRUE.equals(required) && f.row().namesOtherReasonThan(Cause.MY_DOMAIN_LOGIN_REQUIRED)) {
            lines.addAll(f.row().lines());
            lines.add("the org requires its My Domain host, but the failing attempt's row records another reason");
            return inconclusive(lines);
        }
        if (Boolean.TRUE.equals(required)) {
            lines.add("the org's My Domain policy refuses " + kind(f.report().flow()) + " logins through any other host ("
                    + field(f.report().flow()) + " = true)");
            lines.addAll(f.row().lines());
            return confirmed(lines, remediation(f));
        }
        if (Boolean.FALSE.equals(required)) {
            lines.add("the org accepts " + kind(f.report().flow()) + " logins through generic hosts (" + field(f.report().flow()) + " = false)");
            return ruledOut(lines);
        }
        lines.add(field(f.report().flow()) + " is unknown: " + f.org().gap("myDomain"));
        return inconclusive(lines);
    }

    /** An instance host naming the diagnostics org's own instance (na123.salesforce.com for NA123). */
    private static boolean ownInstance(LoginHost host, Facts f) {
        String instance = f.org().organization() == null ? null : f.org().organization().instanceName();
        return instance != null && host.host() != null && INSTANCE_HOST.matcher(host.host()).matches()
                && host.host().startsWith(instance.toLowerCase(java.util.Locale.ROOT) + ".");
    }

    /** API logins follow doesApiLoginRequireOrgDomain; the web-server flow starts with a browser login. */
    private static Boolean required(MyDomainPolicy policy, LoginFlow flow) {
        if (flow == LoginFlow.OAUTH_WEB_SERVER) {
            Boolean ui = policy.uiLoginRequiresMyDomain();
            Boolean api = policy.apiLoginRequiresMyDomain();
            return Boolean.TRUE.equals(ui) || Boolean.TRUE.equals(api) ? Boolean.TRUE : ui == null || api == null ? null : Boolean.FALSE;
        }
        return policy.apiLoginRequiresMyDomain();
    }

    private static String kind(LoginFlow flow) {
        return flow == LoginFlow.OAUTH_WEB_SERVER ? "browser" : "API";
    }

    private static String field(LoginFlow flow) {
        return flow == LoginFlow.OAUTH_WEB_SERVER ? "canOnlyLoginWithMyDomainUrl" : "doesApiLoginRequireOrgDomain";
    }

    private static String remediation(Facts f) {
        String domain = myDomainUrl(f);
        return "Point the integration's login URL at the org's My Domain, " + domain + ", instead of " + f.host().display()
                + ": the org refuses logins through other hosts. (The policy is at Setup → My Domain → Routing and Policies → "
                + "\"Prevent login from https://login.salesforce.com\" and its API counterpart; keep it on — it is the safer setting.)";
    }

    private static String myDomainUrl(Facts f) {
        for (String candidate : new String[]{f.org().available() ? f.org().instanceUrl() : null,
                f.org().available() ? f.org().diagnosticsLoginUrl() : null}) {
            if (candidate != null) {
                LoginHost h = LoginHost.of(candidate);
                if (h.isMyDomain()) {
                    return "https://" + h.host();
                }
            }
        }
        return "https://<MyDomainName>.my.salesforce.com (Setup → My Domain shows it)";
    }
}
