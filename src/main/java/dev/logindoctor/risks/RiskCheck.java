package dev.logindoctor.risks;

import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;

/**
 * Judges one risk kind over the evidence: found only on positive evidence for it, clear only on
 * evidence against it, otherwise unknown with what could not be read.
 */
public interface RiskCheck {

    Risk risk();

    RiskAssessment assess(RiskEvidence evidence);
}
