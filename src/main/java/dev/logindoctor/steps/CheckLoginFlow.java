package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.EffectivePermissions;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOGIN_FLOW_BLOCKED: the org no longer allows the way the integration logs in: SOAP login() off or
 * above v64.0, the OAuth username-password flow blocked, API access off for the org or the user, or
 * Use Any API Auth missing.
 */
public final class CheckLoginFlow extends BaseCheck {

    /** SOAP login() exists only up to this API version (it retires in Summer '27). */
    static final int LAST_SOAP_LOGIN_VERSION = 64;
    private static final String MOVE_TO_JWT = " Better, move the integration to the OAuth JWT bearer flow: SOAP login() retires in Summer '27"
            + " and the username-password flow is blocked in new orgs.";

    public CheckLoginFlow() {
        super(Cause.LOGIN_FLOW_BLOCKED, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        LoginFlow flow = f.report().flow();
        String user = f.username();
        String profile = IpCheck.profileName(f.org());
        ErrorSignals err = f.errors();

        if (f.row().says(LoginStatus.USERNAME_PASSWORD_FLOW_DISABLED)) {
            return confirmed(f.row().lines(), passwordFlowFix(flow));
        }
        if (f.row().says(LoginStatus.OAUTH_API_DISABLED)) {
            return confirmed(f.row().lines(), apiEnabledFix(user, profile) + MOVE_TO_JWT);
        }
        Optional<String> code = err.flowBlockedCode();
        if (code.isPresent()) {
            String fix = switch (code.get()) {
                case "API_DISABLED_FOR_ORG" -> "The org has no API access (\"API is not enabled for this Organization or Partner\"): "
                        + "it needs an edition with API access (Enterprise, Unlimited, Performance, Developer) or the API add-on.";
                case "INSUFFICIENT_ACCESS" -> "SOAP login() needs Use Any API Auth: give " + user + " that permission through a permission set "
                        + "(Setup → Permission Sets → New → System Permissions → Use Any API Auth, then assign it)." + MOVE_TO_JWT;
                default -> apiEnabledFix(user, profile);
            };
            return confirmed(List.of(err.describe()), fix);
        }
        Optional<LoginHost.ApiVersion> version = f.host().soapApiVersion();
        if (flow == LoginFlow.SOAP && version.isPresent() && version.get().above(LAST_SOAP_LOGIN_VERSION)) {
            return confirmed(List.of("the SOAP login URL asks for API v" + version.get() + "; login() exists only up to v"
                            + LAST_SOAP_LOGIN_VERSION + ".0"),
                    "Call login() at /services/Soap/u/" + LAST_SOAP_LOGIN_VERSION + ".0 (or lower) on " + f.host().display() + "." + MOVE_TO_JWT);
        }

        List<String> lines = new ArrayList<>();
        version.ifPresent(v -> lines.add("SOAP login URL at API v" + v + " (login() exists up to v" + LAST_SOAP_LOGIN_VERSION + ".0)"));
        if (!f.org().available()) {
            lines.add("the org's settings and the user's permissions are unknown: " + f.org().gap("settings"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the org's settings are not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        OrgSettings settings = f.org().settings();
        EffectivePermissions perms = f.org().permissions();
        Boolean apiEnabled = perms == null ? null : perms.apiEnabled();
        Boolean flowSetting = flow == null ? null : switch (flow) {
            case SOAP -> settings.soapLoginEnabled();
            case OAUTH_PASSWORD -> settings.usernamePasswordFlowAllowed();
            default -> Boolean.TRUE;
        };
        boolean otherReason = f.row().namesOtherReasonThan(Cause.LOGIN_FLOW_BLOCKED);
        if (otherReason) {
            lines.addAll(f.row().lines());
        }
        if (Boolean.FALSE.equals(settings.apiEnabledForOrg()) && !otherReason) {
            lines.add("the org's API access is off");
            return confirmed(lines, "The org has no API access: it needs an edition with API access or the API add-on.");
        }
        if (Boolean.FALSE.equals(flowSetting) && !otherReason) {
            lines.add(flow == LoginFlow.SOAP ? "the org's \"Enable SOAP API login()\" setting is off"
                    : "the org's \"Allow OAuth Username-Password Flows\" setting is off");
            return confirmed(lines, flow == LoginFlow.SOAP ? soapFix() : passwordFlowFix(flow));
        }
        if (Boolean.FALSE.equals(apiEnabled) && !otherReason) {
            lines.add("the user " + user + " lacks API Enabled" + CredentialFailure.grantedBy(perms));
            return confirmed(lines, apiEnabledFix(user, profile));
        }
        if (Boolean.TRUE.equals(apiEnabled) && Boolean.TRUE.equals(flowSetting) && !Boolean.FALSE.equals(settings.apiEnabledForOrg())) {
            lines.add("the user has API Enabled" + (flow == LoginFlow.SOAP ? " and \"Enable SOAP API login()\" is on"
                    : flow == LoginFlow.OAUTH_PASSWORD ? " and \"Allow OAuth Username-Password Flows\" is on" : "")
                    + ": the org allows the " + flow + " flow for this user");
            return ruledOut(lines);
        }
        if (apiEnabled == null) {
            lines.add("API Enabled unknown: " + f.org().gap("permissions"));
        }
        if (flowSetting == null) {
            lines.add((flow == LoginFlow.SOAP ? "\"Enable SOAP API login()\"" : "\"Allow OAuth Username-Password Flows\"")
                    + " unknown: " + f.org().gap("settings"));
        }
        return inconclusive(lines);
    }

    private static String soapFix() {
        return "Setup → User Interface → tick \"Enable SOAP API login()\" (off by default in orgs created in Winter '26 or later)." + MOVE_TO_JWT;
    }

    private static String passwordFlowFix(LoginFlow flow) {
        return "For a connected app: Setup → OAuth and OpenID Connect Settings → turn on \"Allow OAuth Username-Password Flows\" (blocked by "
                + "default in orgs created in Summer '23 or later). For an External Client App that switch does not help: the username-password "
                + "flow is not available to External Client Apps at all, so move the integration to the JWT bearer or client credentials flow."
                + MOVE_TO_JWT;
    }

    private static String apiEnabledFix(String user, String profile) {
        return "Give " + user + " API Enabled: Setup → Profiles → " + profile + " → System Permissions → API Enabled, "
                + "or a permission set with API Enabled assigned to the user.";
    }
}
