package dev.logindoctor.steps;

import dev.logindoctor.model.ConnectedAppPolicy;
import dev.logindoctor.model.OrgEvidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The connected app a failing OAuth login used, as far as the evidence names it: the explaining
 * LoginHistory row's Application, and that app's policies when the org exposed them. The report
 * itself never names the app (it carries no consumer key), so a missing name is usual, not a gap.
 */
final class ConnectedApps {
    static final String UNNAMED = "<your app>";

    private ConnectedApps() {
    }

    /**
     * The app's name: the explaining row's Application, else the one on the user's latest OAuth row
     * before the failure (the app this integration last logged in through).
     */
    static Optional<String> name(Facts f) {
        if (!f.org().available()) {
            return Optional.empty();
        }
        Optional<String> explaining = f.row().row().map(r -> named(r.application()));
        if (explaining.isPresent() && !explaining.get().isEmpty()) {
            return explaining;
        }
        java.time.Instant failedAt = f.report().failedAt();
        return f.row().userRows().stream()
                .filter(r -> failedAt == null || !r.loginTime().isAfter(failedAt))
                .filter(r -> r.loginType() != null && r.loginType().toLowerCase(Locale.ROOT).contains("remote access"))
                .map(r -> named(r.application()))
                .filter(a -> !a.isEmpty())
                .reduce((older, newer) -> newer);
    }

    private static String named(String application) {
        String a = application == null ? "" : application.strip();
        return a.equalsIgnoreCase("N/A") || a.equalsIgnoreCase("Browser") ? "" : a;
    }

    static String display(Facts f) {
        return name(f).orElse(UNNAMED);
    }

    /** The named app's policies, when both the name and the org's connected apps are known. */
    static Optional<ConnectedAppPolicy> policy(Facts f) {
        OrgEvidence org = f.org();
        Optional<String> name = name(f);
        if (name.isEmpty() || org.connectedApps() == null) {
            return Optional.empty();
        }
        String wanted = name.get().toLowerCase(Locale.ROOT);
        return org.connectedApps().stream()
                .filter(a -> a.name() != null && a.name().strip().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    /** What the org says about the app, one line each; empty when nothing is known. */
    static List<String> policyLines(Facts f) {
        List<String> lines = new ArrayList<>();
        Optional<String> name = name(f);
        if (name.isEmpty()) {
            return lines;
        }
        if (f.org().connectedApps() == null) {
            lines.add("the app " + name.get() + "'s policies are unknown: " + f.org().gap("connectedApps"));
            return lines;
        }
        Optional<ConnectedAppPolicy> policy = policy(f);
        if (policy.isEmpty()) {
            lines.add("no connected app named " + name.get() + " among the org's ConnectedApplication rows"
                    + " (an External Client App is not listed there)");
            return lines;
        }
        ConnectedAppPolicy p = policy.get();
        if (p.adminApprovedOnly() != null) {
            lines.add("connected app " + p.name() + ": Permitted Users is " + (p.adminApprovedOnly()
                    ? "\"Admin approved users are pre-authorized\"" : "\"All users may self-authorize\""));
        }
        lines.add("connected app " + p.name() + ": " + refreshPolicy(p));
        return lines;
    }

    static String refreshPolicy(ConnectedAppPolicy p) {
        if (p.refreshTokenValidityPeriod() == null) {
            return "no refresh token expiry period set (\"valid until revoked\", or not exposed)";
        }
        String from = p.refreshTokenByInactivity() == null ? "" : Boolean.TRUE.equals(p.refreshTokenByInactivity())
                ? " of inactivity (counted from the token's last use)" : " after it was issued";
        return "refresh tokens expire " + p.refreshTokenValidityPeriod() + " unit(s) (hours, days or months, as set on the app)" + from;
    }

    /** Where the app's policies are edited, for a connected app and for an External Client App. */
    static String policiesPath(String app) {
        return "Setup → App Manager → " + app + " → Manage → Edit Policies (External Client Apps: Setup → External Client App Manager → "
                + app + " → Policies)";
    }

    /** Where the consumer key and secret are shown. */
    static String consumerDetailsPath(String app) {
        return "Setup → App Manager → " + app + " → View → Manage Consumer Details (External Client Apps: Setup → External Client App Manager → "
                + app + " → Settings → OAuth Settings → Consumer Key and Secret)";
    }
}
