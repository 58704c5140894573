package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.List;

/**
 * LOGIN_IP_RESTRICTED: the profile's Login IP Ranges exclude the address Salesforce saw. Decided
 * with CheckLoginHours through {@link AccessRestriction}.
 */
public final class CheckIpRestriction extends BaseCheck {

    public CheckIpRestriction() {
        super(Cause.LOGIN_IP_RESTRICTED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        AccessRestriction restriction = f.restriction();
        IpCheck ip = f.ip();
        List<String> lines = lines(f.row().lines(), restriction.lines(), List.of(ip.line()));
        if (restriction.cause() == Cause.LOGIN_IP_RESTRICTED) {
            return confirmed(lines, remediation(f, ip));
        }
        if (f.scope().different()) {
            return inconclusive(lines(restriction.lines(), List.of("the profile's restrictions are not evidence: " + f.scope().reason())));
        }
        if (restriction.cause() == Cause.LOGIN_HOURS_RESTRICTED && ip.result() == IpCheck.Result.OUTSIDE) {
            return inconclusive(lines(lines, List.of("the Login Hours refused this attempt first; the address will be refused after them")));
        }
        if (ip.result() == IpCheck.Result.NO_RANGES || ip.result() == IpCheck.Result.INSIDE) {
            return ruledOut(lines);
        }
        return inconclusive(lines);
    }

    private static String remediation(Facts f, IpCheck ip) {
        String profile = ip.profile();
        String address = ip.ip() != null ? ip.ip() : f.row().sourceIp(f.report()) != null ? f.row().sourceIp(f.report()) : "the integration's egress address";
        String existing = ip.ranges().isEmpty() ? "" : " (it now allows " + IpCheck.describe(ip.ranges()) + ")";
        String fix = "Setup → Profiles → " + profile + " → Login IP Ranges → New: add " + address + existing + ".";
        LoginFlow flow = f.report().flow();
        if (flow == LoginFlow.OAUTH_JWT) {
            return fix + " The JWT bearer flow always enforces the profile's ranges, whatever the connected app's IP Relaxation.";
        }
        if (flow != null && flow.isOAuth()) {
            String app = f.row().row().map(r -> r.application()).filter(a -> a != null && !a.isBlank()).orElse("<your connected app>");
            return fix + " Or, for this OAuth flow, relax it on the connected app: Setup → App Manager → " + app
                    + " → Manage → Edit Policies → IP Relaxation → Relax IP restrictions.";
        }
        return fix;
    }
}
