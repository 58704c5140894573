package dev.logindoctor.risks;

import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;

import java.util.List;

/** Every risk check, in the order of {@link dev.logindoctor.model.Risk}. */
public final class RiskChecks {
    private static final List<RiskCheck> ALL = List.of(
            new PasswordExpires(),
            new SoapLoginRetiring(),
            new PasswordFlowRetiring(),
            new OrgExpires(),
            new CertificateExpires(),
            new MaintenanceScheduled(),
            new MfaExposed(),
            new LoginHoursClosing());

    private RiskChecks() {
    }

    public static List<RiskCheck> all() {
        return ALL;
    }

    /** Runs every check; a check never throws for missing evidence, it says what was missing. */
    public static List<RiskAssessment> assessAll(RiskEvidence evidence) {
        return ALL.stream().map(c -> c.assess(evidence)).toList();
    }
}
