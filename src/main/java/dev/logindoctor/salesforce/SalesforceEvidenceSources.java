package dev.logindoctor.salesforce;

import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.HeldSecrets;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.engine.SourceUnavailable;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import dev.logindoctor.model.TrustEvidence;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Evidence from Salesforce: the org over the report's diagnostics connection, and the public Trust
 * API. It never logs in with the integration's own credentials — the report's credentialSecret is
 * not even read here. What the caller cannot fix by retrying (no diagnostics secret, an unreadable
 * one, a refused JWT, a refused or garbled request) becomes unavailable evidence with the reason;
 * {@link Throttled} and {@link SalesforceUnavailable} become the engine's {@link SourceUnavailable},
 * thrown so the caller can back off and retry. Trust is read beside the org when both are wanted
 * ({@link #fetchOrgAndTrust}): a diagnosis then waits for two round trips, not five.
 */
public final class SalesforceEvidenceSources implements EvidenceSources {
    private final SecretResolver secrets;
    private final HttpTransport transport;
    private final Clock clock;
    private final TokenCache tokens;
    private final TrustEvidenceReader trust;
    /** The last diagnostics secret read and the My Domain hint it gave: the secret is read once per diagnosis. */
    private volatile AliasHint lastHint;

    private record AliasHint(String reference, String alias) {
    }

    public SalesforceEvidenceSources(SecretResolver secrets, String trustBaseUrl) {
        this(secrets, trustBaseUrl, new HttpTransport(), Clock.systemUTC());
    }

    public SalesforceEvidenceSources(SecretResolver secrets, String trustBaseUrl, HttpTransport transport, Clock clock) {
        this(secrets, trustBaseUrl, transport, clock, TokenCache.shared());
    }

    /** With its own token cache (tests; anything that must not share tokens with the process). */
    public SalesforceEvidenceSources(SecretResolver secrets, String trustBaseUrl, HttpTransport transport, Clock clock, TokenCache tokens) {
        this.secrets = secrets;
        this.transport = transport;
        this.clock = clock;
        this.tokens = tokens;
        this.trust = new TrustEvidenceReader(new TrustClient(trustBaseUrl, transport));
    }

    @Override
    public OrgEvidence fetchOrg(FailureReport report) {
        return fetchOrg(report, Integer.MAX_VALUE);
    }

    @Override
    public OrgEvidence fetchOrg(FailureReport report, int budget) {
        if (noDiagnosticsSecret(report)) {
            return noConnection();
        }
        String secret;
        try {
            secret = readDiagnosticsSecret(report);
        } catch (SecretResolver.SecretUnavailable e) {
            return OrgEvidence.unavailable(e.getMessage(), 0);
        }
        return readOrg(report, secret, budget);
    }

    /**
     * One read of the diagnostics secret; Trust, by the My Domain alias known before the org is read,
     * runs beside the token → composite chain; once the org names its instance, what Trust said is
     * kept if it is about that instance, else Trust is read by the org's instance. A Trust failure
     * worth a retry leaves Trust unread (null) for the step that needs it, so it never costs the org
     * reading it came with.
     */
    @Override
    public Fetched fetchOrgAndTrust(FailureReport report, int budget) {
        String secret = null;
        OrgEvidence unreadable = null;
        if (noDiagnosticsSecret(report)) {
            unreadable = noConnection();
        } else {
            try {
                secret = readDiagnosticsSecret(report);
            } catch (SecretResolver.SecretUnavailable e) {
                unreadable = OrgEvidence.unavailable(e.getMessage(), 0);
            }
        }
        String hint = secret == null ? null : myDomainHint(secret);
        CompletableFuture<TrustEvidence> ahead = trust.readBeside(report, hint, clock.instant());
        OrgEvidence org = unreadable != null ? unreadable : readOrg(report, secret, budget);
        try {
            return new Fetched(org, trust.complete(ahead, report, org, clock.instant(), () -> hint));
        } catch (Throttled | SalesforceUnavailable e) {
            return new Fetched(org, null);
        } catch (SalesforceException e) {
            return new Fetched(org, TrustEvidence.unavailable(e.getMessage()));
        }
    }

    private String readDiagnosticsSecret(FailureReport report) {
        String value = secrets.secretValue(report.diagnosticsSecret());
        HeldSecrets.holdDocument(value);
        lastHint = new AliasHint(report.diagnosticsSecret(), myDomainHint(value));
        return value;
    }

    private OrgEvidence readOrg(FailureReport report, String secret, int budget) {
        DiagnosticsCredentials credentials;
        try {
            credentials = DiagnosticsCredentials.parse(secret);
        } catch (UnusableCredentials e) {
            return OrgEvidence.unavailable(e.getMessage(), 0);
        }
        DiagnosticsConnection connection = new DiagnosticsConnection(credentials, transport, tokens, clock, budget);
        try {
            return new OrgEvidenceReader(connection, clock).read(report);
        } catch (LoginRejected e) {
            // What the org answered the diagnostics login is itself evidence (an org locked for everyone).
            return OrgEvidence.refused(e.getMessage(), connection.requests(), credentials.loginUrl(), new ReportedError(e.code(), e.description()));
        } catch (RequestRejected | MalformedResponse | SessionExpired | InsecureEndpoint | UnusableCredentials
                 | DiagnosticsConnection.BudgetSpent e) {
            return OrgEvidence.unavailable(e.getMessage(), connection.requests());
        } catch (Throttled | SalesforceUnavailable e) {
            throw new SourceUnavailable(e.getMessage(), e, connection.requests());
        }
    }

    private static boolean noDiagnosticsSecret(FailureReport report) {
        return report.diagnosticsSecret() == null || report.diagnosticsSecret().isBlank();
    }

    private static OrgEvidence noConnection() {
        return OrgEvidence.unavailable("the report names no diagnostics secret; add \"diagnosticsSecret\" (the name or ARN of "
                + "the secret holding {\"loginUrl\",\"username\",\"clientId\",\"privateKey\"}) to read the org", 0);
    }

    @Override
    public TrustEvidence fetchTrust(FailureReport report, OrgEvidence org) {
        try {
            return trust.read(report, org, clock.instant(), () -> myDomainFromDiagnosticsSecret(report));
        } catch (Throttled | SalesforceUnavailable e) {
            throw new SourceUnavailable(e.getMessage(), e);
        } catch (SalesforceException e) {
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    @Override
    public TrustEvidence fetchTrustAhead(FailureReport report, OrgEvidence org, java.time.Duration horizon) {
        try {
            return trust.readAhead(report, org, clock.instant(), horizon, () -> myDomainFromDiagnosticsSecret(report));
        } catch (SalesforceException e) {
            // No retry loop around a risk check: throttling or a 5xx is a gap this time, judged again next run.
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    /**
     * The org's My Domain alias from the diagnostics secret, without logging in: its optional
     * {@code "myDomain"}, else the alias of its loginUrl. Null when there is none to be had.
     */
    private String myDomainFromDiagnosticsSecret(FailureReport report) {
        if (report.diagnosticsSecret() == null || report.diagnosticsSecret().isBlank()) {
            return null;
        }
        AliasHint hint = lastHint;
        if (hint != null && hint.reference().equals(report.diagnosticsSecret())) {
            return hint.alias();
        }
        try {
            return myDomainHint(secrets.secretValue(report.diagnosticsSecret()));
        } catch (RuntimeException e) {
            // An unreadable secret is reported by fetchOrg; here it only means no hint.
            return null;
        }
    }

    private static String myDomainHint(String secretValue) {
        try {
            com.fasterxml.jackson.databind.JsonNode secret = WireJson.MAPPER.readTree(secretValue);
            com.fasterxml.jackson.databind.JsonNode myDomain = secret == null ? null : secret.get("myDomain");
            if (myDomain != null && myDomain.isTextual() && !myDomain.asText().isBlank()) {
                return myDomain.asText();
            }
            com.fasterxml.jackson.databind.JsonNode loginUrl = secret == null ? null : secret.get("loginUrl");
            return loginUrl != null && loginUrl.isTextual() ? TrustEvidenceReader.myDomainAlias(loginUrl.asText()) : null;
        } catch (java.io.IOException | RuntimeException e) {
            // An unreadable secret is reported by fetchOrg; here it only means no hint.
            return null;
        }
    }

    @Override
    public String toString() {
        return "SalesforceEvidenceSources[" + tokens + "]";
    }
}
