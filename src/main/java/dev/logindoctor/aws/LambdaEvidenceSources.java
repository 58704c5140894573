package dev.logindoctor.aws;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;

import java.time.Clock;

/**
 * The evidence sources every step function of a warm instance shares: the Salesforce clients
 * (whose access-token cache lives as long as the instance) over Secrets Manager, read without the
 * AWS SDK ({@link SecretsManagerHttp}). Built on the first fetch, or by init priming in a SnapStart init.
 */
public final class LambdaEvidenceSources implements EvidenceSources {
    private static final LambdaEvidenceSources SHARED = new LambdaEvidenceSources();

    private LambdaEvidenceSources() {
    }

    public static EvidenceSources shared() {
        return SHARED;
    }

    /** The one HTTP client of this instance: Salesforce, Trust and Secrets Manager all go through it. */
    static HttpTransport transport() {
        return Salesforce.TRANSPORT;
    }

    /** Secrets Manager without the SDK, for init priming (which signs a request but sends none). */
    static SecretsManagerHttp secretsManager() {
        return Salesforce.SECRETS_MANAGER;
    }

    // Holder class: built once, thread-safely, on first use.
    private static final class Salesforce {
        static final HttpTransport TRANSPORT = new HttpTransport();
        static final SecretsManagerHttp SECRETS_MANAGER = SecretsManagerHttp.fromEnvironment(TRANSPORT);
        static final EvidenceSources SOURCES = create(FunctionEnvironment.system());

        private static EvidenceSources create(FunctionEnvironment env) {
            PrefixedSecrets secrets = new PrefixedSecrets(SECRETS_MANAGER::secretString, env.secretPrefix(), Clock.systemUTC());
            return new SalesforceEvidenceSources(secrets, env.trustUrl(), TRANSPORT, Clock.systemUTC());
        }
    }

    @Override
    public OrgEvidence fetchOrg(FailureReport report) {
        return Salesforce.SOURCES.fetchOrg(report);
    }

    @Override
    public OrgEvidence fetchOrg(FailureReport report, int budget) {
        return Salesforce.SOURCES.fetchOrg(report, budget);
    }

    @Override
    public Fetched fetchOrgAndTrust(FailureReport report, int budget) {
        return Salesforce.SOURCES.fetchOrgAndTrust(report, budget);
    }

    @Override
    public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
        return Salesforce.SOURCES.fetchTrust(report, org);
    }

    @Override
    public TrustEvidence fetchTrustAhead(FailureReport report, OrgEvidence org, java.time.Duration horizon) {
        return Salesforce.SOURCES.fetchTrustAhead(report, org, horizon);
    }
}
