package dev.logindoctor.probe;

import dev.logindoctor.model.FailureReport;

import java.time.Instant;

/** A registered integration described in the failure report's shape, with no error: what the risk check reads about. */
public final class RiskSubject {
    private RiskSubject() {
    }

    public static FailureReport of(Integration i, Instant now, Instant credentialUpdatedAt) {
        return new FailureReport(i.id(), i.loginUrl(), i.username(), i.flow(), null, now, null, credentialUpdatedAt,
                i.credentialSecret(), i.diagnosticsSecret());
    }
}
