package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DELEGATED_AUTH_FAILED: the user authenticates through delegated authentication (Is Single Sign-On
 * Enabled), and the company's service refused the password or could not be reached. For such a user
 * an "Invalid Password" row is the service's answer: Salesforce's own password store is never asked.
 */
public final class CheckDelegatedAuth extends BaseCheck {

    public CheckDelegatedAuth() {
        super(Cause.DELEGATED_AUTH_FAILED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        Optional<String> code = err.delegatedAuthCode();
        if (code.isPresent()) {
            return confirmed(List.of(err.describe()), serviceFix(code.get()));
        }
        if (f.row().says(LoginStatus.SSO_SERVICE_DOWN)) {
            return confirmed(f.row().lines(), serviceFix("SSO_SERVICE_DOWN"));
        }
        if (f.row().says(LoginStatus.SSO_URL_INVALID)) {
            return confirmed(f.row().lines(), serviceFix("INVALID_SSO_GATEWAY_URL"));
        }
        List<String> lines = new ArrayList<>();
        LoginFlow flow = f.report().flow();
        if (flow != null && !flow.sendsPassword()) {
            lines.add("the " + flow + " flow sends no password, so delegated authentication never sees it");
            return ruledOut(lines);
        }
        if (!f.org().available()) {
            lines.add("whether the user is on delegated authentication is unknown: " + f.org().gap("permissions"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the user's permissions are not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        EffectivePermissions perms = f.org().permissions();
        Boolean sso = perms == null ? null : perms.ssoEnabled();
        if (sso == null) {
            lines.add("Is Single Sign-On Enabled unknown: " + f.org().gap(perms == null ? "permissions" : "ssoEnabled"));
            return inconclusive(lines);
        }
        if (!sso) {
            lines.add("the user lacks Is Single Sign-On Enabled: Salesforce checks the password itself");
            return ruledOut(lines);
        }
        lines.addAll(f.row().lines());
        lines.add("the user has Is Single Sign-On Enabled" + CredentialFailure.grantedBy(perms)
                + ": the password goes to the org's delegated authentication service");
        if (f.row().says(LoginStatus.INVALID_PASSWORD)) {
            lines.add("for such a user 'Invalid Password' is the delegated authentication service's refusal, not Salesforce's");
            return confirmed(lines, refusedFix(f));
        }
        if (f.row().namesOtherReasonThan(Cause.DELEGATED_AUTH_FAILED)) {
            return ruledOut(lines);
        }
        return inconclusive(lines);
    }

    private static String serviceFix(String code) {
        return switch (code) {
            case "INVALID_SSO_GATEWAY_URL" -> "The org's delegated authentication gateway URL is invalid: Setup → Single Sign-On Settings → "
                    + "Delegated Gateway URL must be the HTTPS address of the company's authentication web service. Until it is fixed, "
                    + "every user with Is Single Sign-On Enabled fails to log in.";
            default -> "The company's delegated authentication service was down or unreachable when Salesforce asked it to check the "
                    + "password: get it back up (its address is Setup → Single Sign-On Settings → Delegated Gateway URL), then retry once. "
                    + "Nothing in the integration's credential needs to change.";
        };
    }

    private static String refusedFix(Facts f) {
        String user = f.username();
        return "The company's delegated authentication service refused the password sent for " + user + " (look it up in that "
                + "service's logs at " + Times.at(f.report().failedAt()) + "): fix the password in the company's directory or in "
                + secretRef(f.report().credentialSecret()) + ". Resetting the Salesforce password (Setup → Users → Reset Password) does "
                + "not help: Salesforce never checks it for this user. For an integration, consider removing Is Single Sign-On Enabled "
                + "from its profile or permission set (Setup → Profiles → " + IpCheck.profileName(f.org()) + " → System Permissions) "
                + "and moving it to the JWT bearer flow, which the delegated service never sees.";
    }
}
