package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.ReportedError;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ORG_UNAVAILABLE: the org itself cannot be used (locked, suspended, closed, inactive, trial or
 * sandbox expired). The org refusing the diagnostics login the same way is evidence for it, not a
 * failed diagnosis.
 */
public final class CheckOrgStatus extends BaseCheck {

    public CheckOrgStatus() {
        super(Cause.ORG_UNAVAILABLE, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        ErrorSignals err = f.errors();
        ReportedError refusal = f.org().diagnosticsRefusal();
        Optional<String> diagnosticsSays = refusal == null ? Optional.empty()
                : new ErrorSignals(refusal, null).orgUnavailableCode();
        String quote = diagnosticsSays.map(c -> "the diagnostics login was refused the same way: " + refusal.code()
                + (refusal.description().isEmpty() ? "" : ": " + refusal.description())).orElse(null);

        Optional<String> code = err.orgUnavailableCode();
        if (code.isPresent()) {
            return confirmed(lines(List.of(err.describe()), quote == null ? List.of() : List.of(quote)), fix(code.get(), f));
        }
        if (f.row().says(LoginStatus.ORG_LOCKED, LoginStatus.ORG_NOT_ACTIVE, LoginStatus.TRIAL_EXPIRED)) {
            String kind = f.row().says(LoginStatus.TRIAL_EXPIRED) ? "TRIAL_EXPIRED" : "ORG_LOCKED";
            return confirmed(f.row().lines(), fix(kind, f));
        }
        List<String> lines = new ArrayList<>();
        if (quote != null) {
            lines.add(quote);
            LoginHost diagnostics = f.org().diagnosticsLoginUrl() == null ? null : LoginHost.of(f.org().diagnosticsLoginUrl());
            if (diagnostics != null && diagnostics.sameEndpoint(f.host()) && err.namedCause() == null) {
                lines.add("the diagnostics connection logs in at the integration's own host " + f.host().display()
                        + ": the org refuses everyone, the integration included");
                return confirmed(lines, fix(diagnosticsSays.get(), f));
            }
            lines.add("the diagnostics connection logs in at " + (diagnostics == null ? "another host" : diagnostics.display())
                    + ", the integration at " + f.host().display() + ": whether they are the same org is unknown");
            return inconclusive(lines);
        }
        if (!f.org().available()) {
            lines.add("the org's state is unknown: " + f.org().gap("organization"));
            return inconclusive(lines);
        }
        if (f.scope().different()) {
            lines.add("the diagnostics org is not evidence: " + f.scope().reason());
            return inconclusive(lines);
        }
        OrgInfo org = f.org().organization();
        lines.add("the org" + (org == null || org.name() == null ? "" : " " + org.name())
                + " accepted the diagnostics login and answered its queries: it is not locked, closed or expired");
        return ruledOut(lines);
    }

    private static String fix(String code, Facts f) {
        OrgInfo org = f.org().available() ? f.org().organization() : null;
        String expiry = org == null || org.trialExpirationDate() == null ? "" : " (its TrialExpirationDate is " + Times.at(org.trialExpirationDate()) + ")";
        if (code.startsWith("TRIAL_EXPIRED") || code.contains("trial")) {
            return "The org's trial or term has ended" + expiry + ": every login is refused until it is converted to a paid edition "
                    + "(contact Salesforce or your account executive) — Setup → Company Information shows its status. A scratch org or an "
                    + "expired sandbox cannot be revived: create a new one and point the integration's loginUrl and credentials at it.";
        }
        return "The org itself is locked, suspended, closed or inactive, so Salesforce refuses every login to it, whatever the "
                + "credential: nothing in the integration can fix this. An admin sees why under Setup → Company Information (or gets a "
                + "message at login); unlocking needs Salesforce (Help → Contact Support, or the account executive for billing holds).";
    }
}
