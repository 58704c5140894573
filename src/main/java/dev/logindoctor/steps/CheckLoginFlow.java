package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LOGIN_FLOW_BLOCKED: the org no longer allows the way the integration logs in: SOAP login() off or
 * above v64.0, the OAuth username-password flow blocked, or Use Any API Auth missing. API access
 * itself being off is API_ACCESS_DISABLED (CheckApiAccess).
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
        ErrorSignals err = f.errors();

        if (f.row().says(LoginStatus.USERNAME_PASSWORD_FLOW_DISABLED)) {
            return confirmed(f.row().lines(), passwordFlowFix());
        }
        Optional<LoginHost.ApiVersion> version = f.host().soapApiVersion();
        Optional<String> code = err.flowBlockedCode();
        if (code.isPresent()) {
            String fix = switch (code.get()) {
                case "INSUFFICIENT_ACCESS" -> "SOAP login() needs Use Any API Auth: give " + user + " that permission through a permission set "
                        + "(Setup → Permission Sets → New → System Permissions → Use Any API Auth, then assign it)." + MOVE_TO_JWT;
                case "SOAP_LOGIN_VERSION" -> versionFix(f);
                default -> soapFix();
            };
            return confirmed(List.of(err.describe()), fix);
        }
        Cause named = err.namedCause();
        boolean errorNamesOther = named != null && named != Cause.LOGIN_FLOW_BLOCKED;
        if (flow == LoginFlow.SOAP && version.isPresent() && version.get().above(LAST_SOAP_LOGIN_VERSION) && !errorNamesOther) {
            return confirmed(List.of("the SOAP login URL asks for API v" + version.get() + "; login() exists only up to v"
                    + LAST_SOAP_LOGIN_VERSION + ".0"), versionFix(f));
        }

        List<String> lines = new ArrayList<>();
        version.ifPresent(v -> lines.add("SOAP login URL at API v" + v + " (login() exists up to v" + LAST_SOAP_LOGIN_VERSION + ".0)"));
        if (errorNamesOther) {
            lines.add(err.describe() + " names another cause (" + named + ")");
            return ruledOut(lines);
        }
        if (!f.org().available()) {
            lines.add("the org's settings are unknown: " + f.org().gap("settings"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the org's settings are not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        OrgSettings settings = f.org().settings();
        Boolean flowSetting = flow == null ? null : switch (flow) {
            case SOAP -> settings.soapLoginEnabled();
            case OAUTH_PASSWORD -> settings.usernamePasswordFlowAllowed();
            default -> Boolean.TRUE;
        };
        boolean otherReason = f.row().namesOtherReasonThan(Cause.LOGIN_FLOW_BLOCKED);
        if (otherReason) {
            lines.addAll(f.row().lines());
        }
        if (Boolean.FALSE.equals(flowSetting) && !otherReason) {
            lines.add(flow == LoginFlow.SOAP ? "the org's \"Enable SOAP API login()\" setting is off"
                    : "the org's \"Allow OAuth Username-Password Flows\" setting is off");
            return confirmed(lines, flow == LoginFlow.SOAP ? soapFix() : passwordFlowFix());
        }
        if (Boolean.TRUE.equals(flowSetting)) {
            lines.add(flow == LoginFlow.SOAP ? "\"Enable SOAP API login()\" is on"
                    : flow == LoginFlow.OAUTH_PASSWORD ? "\"Allow OAuth Username-Password Flows\" is on"
                    : "the " + flow + " flow has no org-wide switch");
            return ruledOut(lines);
        }
        lines.add((flow == LoginFlow.SOAP ? "\"Enable SOAP API login()\"" : "\"Allow OAuth Username-Password Flows\"")
                + " unknown: " + f.org().gap("settings"));
        return inconclusive(lines);
    }

    private static String soapFix() {
        return "Setup → User Interface → tick \"Enable SOAP API login()\" (off by default in orgs created in Winter '26 or later)." + MOVE_TO_JWT;
    }

    private static String versionFix(Facts f) {
        return "Call login() at /services/Soap/u/" + LAST_SOAP_LOGIN_VERSION + ".0 (or lower) on " + f.host().display() + "." + MOVE_TO_JWT;
    }

    private static String passwordFlowFix() {
        return "Setup → OAuth and OpenID Connect Settings → turn on \"Allow OAuth Username-Password Flows\" (blocked by default in orgs "
                + "created in Summer '23 or later). If the integration's app is an External Client App, that switch does not help: "
                + "the username-password flow is not available to External Client Apps at all, so move it to the JWT bearer or client credentials flow."
                + MOVE_TO_JWT;
    }
}
