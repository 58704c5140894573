package dev.logindoctor.risks;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskEvidence;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.SecretCertificate;

import java.util.List;

/**
 * CERTIFICATE_EXPIRES: the certificate kept with the integration's JWT key ends within the horizon.
 * Salesforce has been reported to go on accepting JWTs for an app whose certificate has expired
 * (docs/RISKS.md, "JWT certificates"), so the line says what stops instead: the client libraries and
 * policies that check it, and renewal that cannot wait until then.
 */
final class CertificateExpires implements RiskCheck {

    @Override
    public Risk risk() {
        return Risk.CERTIFICATE_EXPIRES;
    }

    @Override
    public RiskAssessment assess(RiskEvidence e) {
        if (e.integration().flow() != LoginFlow.OAUTH_JWT) {
            return RiskAssessment.clear(risk(), "the integration logs in with " + e.integration().flow() + ", which signs with no certificate");
        }
        SecretCertificate cert = e.certificate();
        if (cert == null || !cert.known()) {
            return RiskAssessment.unknown(risk(), cert == null || cert.gap() == null
                    ? "the integration's certificate was not read" : cert.gap());
        }
        String who = cert.subject() == null ? "the certificate" : "the certificate " + cert.subject();
        if (cert.notAfter().isAfter(e.now().plus(e.horizon()))) {
            return RiskAssessment.clear(risk(), who + " is valid until " + Dates.when(cert.notAfter(), e.now())
                    + ", beyond the " + Dates.horizon(e.horizon()) + " horizon");
        }
        return RiskAssessment.found(new RiskFinding(risk(), cert.notAfter(), List.of(
                who + " kept with the integration's JWT key is valid until (notAfter) " + Dates.when(cert.notAfter(), e.now()),
                "clients and security policies that check it stop signing with it then, and the connected app keeps the same certificate"),
                "Before " + cert.notAfter() + ": create a new key pair and certificate, upload the certificate to the app "
                        + "(Setup → App Manager → the integration's app → Edit → Use digital signatures, or the External Client App's "
                        + "OAuth settings), then put the new private key and certificate in the integration's secret. Salesforce "
                        + "accepts the new key as soon as the app is saved."));
    }
}
