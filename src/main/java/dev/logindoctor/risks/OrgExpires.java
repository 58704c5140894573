package dev.logindoctor.risks;

import dev.logindoctor.model.OrgInfo;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;

import java.time.Instant;
import java.util.List;

/** ORG_EXPIRES: the org's {@code Organization.TrialExpirationDate} (a trial or scratch org) falls within the horizon. */
final class OrgExpires implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.ORG_EXPIRES;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        String unusable = OrgRead.notUsable(e);
        if (unusable != null) {
            return RiskAssessment.unknown(risk(), unusable);
        }
        OrgInfo org = e.org().organization();
        if (org == null) {
            return RiskAssessment.unknown(risk(), "the org's TrialExpirationDate could not be read: " + e.org().gap("organization"));
        }
        Instant expires = org.trialExpirationDate();
        String name = org.name() == null ? "the org" : "the org " + org.name();
        if (expires == null) {
            // The Organization row was read; Salesforce leaves the field empty on an org that does not expire.
            return RiskAssessment.clear(risk(), name + " has no TrialExpirationDate: it does not expire");
        }
        if (expires.isAfter(e.now().plus(e.horizon()))) {
            return RiskAssessment.clear(risk(), name + " expires " + Dates.when(expires, e.now()) + ", beyond the "
                    + Dates.horizon(e.horizon()) + " horizon");
        }
        String kind = org.scratch() ? "scratch org" : org.sandbox() ? "sandbox" : "trial org";
        return RiskAssessment.found(new RiskFinding(risk(), expires, List.of(
                name + " (" + (org.organizationType() == null ? kind : org.organizationType() + ", " + kind)
                        + ") has TrialExpirationDate " + Dates.when(expires, e.now()),
                "from then on every login to it is refused (TRIAL_EXPIRED, or the org is locked)"),
                org.scratch() || org.sandbox()
                        ? "Before " + expires + ", move the integration to a lasting org, or extend it: a scratch org cannot be "
                        + "extended (create a new one with a longer duration, up to 30 days); point the integration's login URL and "
                        + "credential at the org that will replace this one."
                        : "Before " + expires + ", buy a subscription for the trial org (Setup → Company Settings → Company Information "
                        + "→ Subscribe / Checkout) or contact your Salesforce account executive to extend the trial; otherwise move "
                        + "the integration to a production org."));
    }
}
