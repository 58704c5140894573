package dev.logindoctor.engine;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;

/**
 * Where evidence comes from. Implementations never log in with the integration's own credentials.
 * A source that cannot answer for a reason the caller cannot fix (no diagnostics secret, a refused
 * JWT, a garbled response) returns evidence marked unavailable with the reason; it throws
 * {@link SourceUnavailable} only for conditions worth a retry (throttling, 5xx, timeouts), so the
 * state machine can back off and try again.
 */
public interface EvidenceSources {

    /** Reads the org once over the diagnostics connection (at most a few API requests). */
    OrgEvidence fetchOrg(FailureReport report);

    /**
     * Reads the org sending at most {@code budget} requests (token requests included); a source that
     * cannot count them (a test's fixed evidence) just reads.
     */
    default OrgEvidence fetchOrg(FailureReport report, int budget) {
        return fetchOrg(report);
    }

    /** Reads the Trust API for the org's instance; {@code org} may be unavailable. */
    TrustEvidence fetchTrust(FailureReport report, OrgEvidence org);

    /**
     * The org, and Trust read alongside it when that costs no extra wait (the first step that needs
     * the org asks for both, so a later step finds Trust in the state). Trust may be null: it was
     * not read, or could not be for now, and the step that needs it fetches it itself. Throws
     * what {@link #fetchOrg} throws. The org's requests stay within {@code budget} (Trust's are not
     * the org's and do not count). By default, the org alone.
     */
    default Fetched fetchOrgAndTrust(FailureReport report, int budget) {
        return new Fetched(fetchOrg(report, budget), null);
    }

    /** The org's evidence and, when read alongside, Trust's (else null). */
    record Fetched(OrgEvidence org, TrustEvidence trust) {
    }

    /**
     * Trust's maintenances on the org's instance from now to {@code horizon} ahead, for the risk
     * check; a source that cannot look ahead says so (a gap, never "nothing scheduled").
     */
    default TrustEvidence fetchTrustAhead(FailureReport report, OrgEvidence org, java.time.Duration horizon) {
        return TrustEvidence.unavailable("this evidence source does not look ahead on Trust");
    }
}
