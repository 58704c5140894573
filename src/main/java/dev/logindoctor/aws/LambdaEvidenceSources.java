package dev.logindoctor.aws;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;

import java.time.Clock;

/**
 * The evidence sources every step function of a warm instance shares: the Salesforce clients
 * (whose access-token cache lives as long as the instance) over Secrets Manager. Built on the first
 * fetch, so a step that judges the report alone never builds an SDK or HTTP client.
 */
public final class LambdaEvidenceSources implements EvidenceSources {
    private static final LambdaEvidenceSources SHARED = new LambdaEvidenceSources();

    private LambdaEvidenceSources() {
    }

    public static EvidenceSources shared() {
        return SHARED;
    }

    // Holder class: built once, thread-safely, on first use.
    private static final class Salesforce {
        static final EvidenceSources SOURCES = create(FunctionEnvironment.system());

        private static EvidenceSources create(FunctionEnvironment env) {
            SecretsManagerResolver secrets = new SecretsManagerResolver(AwsClients::secretsManager, env.secretPrefix(), Clock.systemUTC());
            return new SalesforceEvidenceSources(secrets, env.trustUrl());
        }
    }

    @Override
    public OrgEvidence fetchOrg(FailureReport report) {
        return Salesforce.SOURCES.fetchOrg(report);
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
