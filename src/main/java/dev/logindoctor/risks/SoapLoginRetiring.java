package dev.logindoctor.risks;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SOAP_LOGIN_RETIRING: the integration logs in with SOAP login(). Salesforce retires it for every
 * API version with the Summer '27 release and serves it only up to v64.0; new orgs have it off
 * (docs/RISKS.md, "SOAP login() retirement"). Salesforce names a release, not a day: no due date.
 */
final class SoapLoginRetiring implements RiskCheck {
    static final String LAST_VERSION = "64.0";
    private static final Pattern SOAP_PATH = Pattern.compile("/services/Soap/[uc]/(\\d{1,3}\\.\\d)(/.*)?");

    @Override
    public Risk risk() {
        return Risk.SOAP_LOGIN_RETIRING;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        LoginFlow flow = e.integration().flow();
        if (flow != LoginFlow.SOAP) {
            return RiskAssessment.clear(risk(), "the integration logs in with " + flow + ", not SOAP login()");
        }
        List<String> lines = new ArrayList<>();
        lines.add("the integration logs in with SOAP login() (flow SOAP)");
        String version = apiVersion(e.integration().loginUrl());
        if (version == null) {
            lines.add("its login URL names no API version, so the client library's own version decides: login() is refused above v"
                    + LAST_VERSION);
        } else if (Double.parseDouble(version) > Double.parseDouble(LAST_VERSION)) {
            lines.add("its login URL names API v" + version + ", where login() is no longer served (only up to v" + LAST_VERSION + ")");
        } else {
            lines.add("its login URL names API v" + version + ": login() answers there until the retirement, but moving the client past v"
                    + LAST_VERSION + " breaks it at once");
        }
        lines.add("Salesforce retires login() in every API version with the Summer '27 release (no day is published), "
                + "and orgs created from Winter '26 have it off unless an admin enables it");
        Boolean enabled = e.org() != null && e.org().available() ? e.org().settings().soapLoginEnabled() : null;
        if (enabled != null) {
            lines.add("this org's Enable SOAP API login() is " + (enabled ? "on" : "off"));
        }
        return RiskAssessment.found(new RiskFinding(risk(), null, lines,
                "Move " + e.integration().username() + " off SOAP login() before the Summer '27 release: create an External Client "
                        + "App (Setup → External Client App Manager → New) with the OAuth JWT bearer flow, upload the certificate of a key "
                        + "the integration holds, pre-authorize the integration user's profile or permission set, and switch the client "
                        + "to the JWT bearer token request. Until then keep the client at API v" + LAST_VERSION + " or below."));
    }

    /** The API version of a SOAP endpoint URL ({@code .../services/Soap/u/62.0}); null when the URL names none. */
    static String apiVersion(String loginUrl) {
        try {
            String path = loginUrl == null ? null : java.net.URI.create(loginUrl.strip()).getPath();
            Matcher m = SOAP_PATH.matcher(path == null ? "" : path);
            return m.matches() ? m.group(1) : null;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
