package dev.logindoctor.risks;

import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;

/** PASSWORD_EXPIRES: the integration user's password expires within the horizon under the org's password policy. */
final class PasswordExpires implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.PASSWORD_EXPIRES;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        if (!e.integration().flow().sendsPassword()) {
            return RiskAssessment.clear(risk(), "the integration logs in with " + e.integration().flow() + ", which sends no password");
        }
        return RiskAssessment.unknown(risk(), "the org's password policy is not read yet");
    }
}
