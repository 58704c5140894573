package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskReport;
import dev.logindoctor.model.SecretCertificate;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.risks.RiskChecks;

import java.time.Clock;
import java.time.Instant;

/**
 * The risk check for one integration: reads the org once over the diagnostics connection (a token
 * and one composite request: at most 2 org API requests), Trust ahead on the org's instance, and the
 * certificate in the integration's own secret for a JWT flow, then runs every risk check over that.
 * It never logs in with the integration's credential: the secret is only read for its certificate.
 */
public final class RiskCheckRunner {
    private final EvidenceSources sources;
    private final SecretResolver secrets;
    private final Clock clock;
    private final RiskSettings settings;

    public RiskCheckRunner(EvidenceSources sources, SecretResolver secrets, Clock clock, RiskSettings settings) {
        this.sources = sources;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
    }

    /** Reads the integration's certificate (JWT only) through the secret resolver. */
    public RiskReport check(FailureReport integration) {
        return check(integration, certificate(integration));
    }

    /** With the credential secret's value already in hand (the probe read it for its login). */
    public RiskReport check(FailureReport integration, String credentialSecretValue) {
        SecretCertificate cert = integration.flow() == LoginFlow.OAUTH_JWT
                ? JwtCertificate.fromSecret(credentialSecretValue) : SecretCertificate.unknown("not a JWT flow");
        return check(integration, cert);
    }

    private RiskReport check(FailureReport integration, SecretCertificate certificate) {
        OrgEvidence org = sources.fetchOrg(integration);
        TrustEvidence ahead = sources.fetchTrustAhead(integration, org, settings.horizon());
        Instant now = clock.instant();
        RiskEvidence evidence = new RiskEvidence(integration, org, ahead, certificate, now, settings.horizon(), settings.probeInterval());
        // Only a connection the integration names can fail; none named is a gap in every org-based risk.
        String failure = integration.diagnosticsSecret() != null && !org.available() ? org.unavailableReason() : null;
        return new RiskReport(integration.integrationKey(), now, RiskChecks.assessAll(evidence), org.requests(), failure);
    }

    private SecretCertificate certificate(FailureReport integration) {
        if (integration.flow() != LoginFlow.OAUTH_JWT) {
            return SecretCertificate.unknown("not a JWT flow");
        }
        if (integration.credentialSecret() == null || integration.credentialSecret().isBlank()) {
            return SecretCertificate.unknown("the integration names no credentialSecret, so the certificate kept with its JWT key "
                    + "could not be read");
        }
        try {
            return JwtCertificate.fromSecret(secrets.secretValue(integration.credentialSecret()));
        } catch (SecretResolver.SecretUnavailable e) {
            return SecretCertificate.unknown("the integration's secret could not be read: " + e.getMessage());
        }
    }
}
