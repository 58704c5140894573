package dev.logindoctor.sim;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Risk;

import java.time.Instant;
import java.util.List;

/**
 * The failing integration a scenario is about: who logs in, how, from where, and which cause the
 * scenario was built to show ({@code expectedCause} null = the login succeeds).
 *
 * @param loginUrl   where the integration sends its login; null = the sim's base URL. A Salesforce
 *                   host that is not this org's (e.g. https://login.salesforce.com for a sandbox)
 *                   makes {@link SimIntegration} report what that other org would answer.
 * @param credential the integration's secret material; never printed
 * @param certificateNotAfter for a JWT key the sim generated: the integration's secret also holds a
 *                   certificate for it, valid until then (null = no certificate in the secret)
 * @param expectedRisks the risks ahead the scenario was built to show (risk scenarios); empty = none
 */
public record IntegrationSpec(
        String integrationId,
        String username,
        LoginFlow flow,
        String loginUrl,
        String soapApiVersion,
        Credential credential,
        Instant credentialUpdatedAt,
        String sourceIp,
        Cause expectedCause,
        Instant certificateNotAfter,
        List<Risk> expectedRisks) {

    public IntegrationSpec {
        expectedRisks = expectedRisks == null ? List.of() : List.copyOf(expectedRisks);
        soapApiVersion = soapApiVersion == null || soapApiVersion.isBlank() ? "62.0" : soapApiVersion;
    }

    /**
     * What the integration holds. {@code privateKey} "generate" signs with the key pair the sim made
     * for the app {@code clientId}; "unrelated" signs with a fresh key the app does not know.
     */
    public record Credential(
            String password,
            String securityToken,
            String clientId,
            String clientSecret,
            String refreshToken,
            String privateKey,
            String audience,
            Long expiresInSeconds) {

        @Override
        public String toString() {
            return "Credential[clientId=" + clientId + ", secrets redacted]";
        }
    }
}
