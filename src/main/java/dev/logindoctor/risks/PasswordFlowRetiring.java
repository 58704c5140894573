package dev.logindoctor.risks;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * PASSWORD_FLOW_RETIRING: the integration uses the OAuth username-password flow, which new orgs
 * block and External Client Apps never offer (docs/RISKS.md, "OAuth username-password flow").
 * No date: it breaks when the org's setting is turned off or the app is moved to an External Client App.
 */
final class PasswordFlowRetiring implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.PASSWORD_FLOW_RETIRING;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        LoginFlow flow = e.integration().flow();
        if (flow != LoginFlow.OAUTH_PASSWORD) {
            return RiskAssessment.clear(risk(), "the integration logs in with " + flow + ", not the OAuth username-password flow");
        }
        List<String> lines = new ArrayList<>();
        lines.add("the integration uses the OAuth username-password flow (flow OAUTH_PASSWORD)");
        lines.add("orgs created from Summer '23 block it by default, and External Client Apps do not support it at all");
        Boolean allowed = e.org() != null && e.org().available() ? e.org().settings().usernamePasswordFlowAllowed() : null;
        lines.add(allowed == null ? "whether this org still allows the flow could not be read"
                : "this org's Allow OAuth Username-Password Flows is " + (allowed ? "on" : "off"));
        lines.add("whether the integration's app is a connected app or an External Client App is not read by the diagnostics connection");
        return RiskAssessment.found(new RiskFinding(risk(), null, lines,
                "Move " + e.integration().username() + " to the OAuth JWT bearer flow (or client credentials with a Run As user): "
                        + "Setup → External Client App Manager → New, enable the JWT bearer flow with the certificate of a key the "
                        + "integration holds, and pre-authorize the integration user's profile or permission set. Do not rely on "
                        + "Setup → OAuth and OpenID Connect Settings → Allow OAuth Username-Password Flows staying on."));
    }
}
