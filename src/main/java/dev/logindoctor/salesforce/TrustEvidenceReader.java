package dev.logindoctor.salesforce;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Salesforce Trust says about the org's instance around the failure. The instance comes from
 * the org ({@code Organization.InstanceName}) when the diagnostics connection worked, else from the
 * login URL's My Domain alias through the Trust API ({@code /instanceAliases/{alias}/status}, then
 * {@code /search/{alias}}). Throttling and 5xx are thrown for a later retry; anything else that
 * leaves the instance or its events unknown is {@link TrustEvidence#unavailable(String)}.
 */
public final class TrustEvidenceReader {
    /** Maintenances and incidents are asked for from a day before the failure: long ones start early. */
    static final Duration LOOK_BACK = Duration.ofHours(24);
    /** Events kept: those overlapping the failure time widened by this much either side. */
    static final Duration NEAR = Duration.ofHours(12);

    private final TrustClient trust;

    public TrustEvidenceReader(TrustClient trust) {
        this.trust = trust;
    }

    public TrustEvidence read(FailureReport report, OrgEvidence org, Instant now) {
        return read(report, org, now, () -> null);
    }

    public TrustEvidence read(FailureReport report, OrgEvidence org, Instant now, String knownAlias) {
        return read(report, org, now, () -> knownAlias);
    }

    /**
     * @param knownAlias the org's My Domain alias when known from elsewhere (the diagnostics secret):
     *                   the way to the instance when the org cannot be read and the report's login
     *                   host is generic (login.salesforce.com) — e.g. during the very maintenance
     *                   that broke the login
     */
    public TrustEvidence read(FailureReport report, OrgEvidence org, Instant now, java.util.function.Supplier<String> knownAlias) {
        Instant failedAt = report.failedAt() != null ? report.failedAt() : now;
        try {
            String key = instanceKey(report, org, knownAlias);
            if (key == null) {
                return TrustEvidence.unavailable(unresolvedReason(report, org));
            }
            TrustClient.InstanceStatus status = trust.instanceStatus(key);
            Map<String, TrustEvent> events = new LinkedHashMap<>();
            status.events().forEach(e -> events.put(identity(e), e));
            Instant since = failedAt.minus(LOOK_BACK);
            trust.maintenances(status.key(), since).forEach(e -> events.put(identity(e), e));
            trust.incidents(status.key(), since).forEach(e -> events.put(identity(e), e));
            List<TrustEvent> near = new ArrayList<>();
            for (TrustEvent e : events.values()) {
                if (overlaps(e, failedAt.minus(NEAR), failedAt.plus(NEAR))) {
                    near.add(e);
                }
            }
            near.sort(java.util.Comparator.comparing(TrustEvent::start));
            return new TrustEvidence(true, null, status.key(), status.status(), near);
        } catch (RequestRejected | MalformedResponse e) {
            return TrustEvidence.unavailable("the Trust API could not be read: " + e.getMessage());
        } catch (AliasUnknown e) {
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    /**
     * What Trust has scheduled on the org's instance from {@code now} to {@code horizon} ahead (the risk
     * check's view): maintenances overlapping that window, found the same way as the instance at a failure.
     */
    public TrustEvidence readAhead(FailureReport report, OrgEvidence org, Instant now, Duration horizon,
                                   java.util.function.Supplier<String> knownAlias) {
        try {
            String key = instanceKey(report, org, knownAlias);
            if (key == null) {
                return TrustEvidence.unavailable(unresolvedReason(report, org));
            }
            TrustClient.InstanceStatus status = trust.instanceStatus(key);
            Map<String, TrustEvent> events = new LinkedHashMap<>();
            status.events().forEach(e -> events.put(identity(e), e));
            trust.maintenances(status.key(), now).forEach(e -> events.put(identity(e), e));
            List<TrustEvent> ahead = new ArrayList<>();
            for (TrustEvent e : events.values()) {
                if (e.kind() == TrustEvent.Kind.MAINTENANCE && overlaps(e, now, now.plus(horizon))) {
                    ahead.add(e);
                }
            }
            ahead.sort(java.util.Comparator.comparing(TrustEvent::start));
            return new TrustEvidence(true, null, status.key(), status.status(), ahead);
        } catch (RequestRejected | MalformedResponse e) {
            return TrustEvidence.unavailable("the Trust API could not be read: " + e.getMessage());
        } catch (AliasUnknown e) {
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    /** @param knownAlias asked only when neither the org nor the login host names the instance */
    private String instanceKey(FailureReport report, OrgEvidence org, java.util.function.Supplier<String> knownAlias) {
        if (org != null && org.available() && org.organization() != null && org.organization().instanceName() != null
                && !org.organization().instanceName().isBlank()) {
            return org.organization().instanceName().strip();
        }
        String alias = myDomainAlias(report.loginUrl());
        if (alias == null) {
            String known = knownAlias.get();
            alias = known == null || known.isBlank() ? null : known.strip().toLowerCase(java.util.Locale.ROOT);
        }
        if (alias == null) {
            return null;
        }
        try {
            return trust.aliasStatus(alias).key();
        } catch (RequestRejected e) {
            // Not every alias form is served there; the search endpoint answers for more of them.
            List<TrustClient.SearchHit> hits = trust.search(alias);
            if (hits.isEmpty()) {
                throw new AliasUnknown("the Trust API knows no instance for My Domain '" + alias
                        + "' (it lists none for sandbox, trial and scratch orgs)");
            }
            return hits.get(0).instanceKey();
        }
    }

    private static String unresolvedReason(FailureReport report, OrgEvidence org) {
        String fromOrg = org == null || !org.available() ? "there is no diagnostics connection"
                : "the org did not give its instance (" + org.gap("organization") + ")";
        return "the org's instance is unknown: " + fromOrg + ", and the login host " + host(report.loginUrl())
                + " is not a My Domain whose alias the Trust API could look up (name it as \"myDomain\" in the diagnostics secret)";
    }

    /** {@code acme.my.salesforce.com} → {@code acme}; also sandbox/scratch My Domains and lightning hosts; else null. */
    public static String myDomainAlias(String loginUrl) {
        String host = host(loginUrl);
        if (host == null) {
            return null;
        }
        for (String suffix : List.of(".my.salesforce.com", ".lightning.force.com")) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                String rest = host.substring(0, host.length() - suffix.length());
                int dot = rest.indexOf('.');
                return dot < 0 ? rest : rest.substring(0, dot);
            }
        }
        return null;
    }

    private static String host(String url) {
        try {
            String h = url == null ? null : URI.create(url.strip()).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean overlaps(TrustEvent e, Instant from, Instant to) {
        return !e.start().isAfter(to) && (e.end() == null || !e.end().isBefore(from));
    }

    private static String identity(TrustEvent e) {
        return e.kind() + ":" + (e.id() != null ? e.id() : e.start() + ":" + e.name());
    }

    /** The alias resolved to nothing: a real answer, not a failure worth retrying. */
    private static final class AliasUnknown extends RuntimeException {
        AliasUnknown(String message) {
            super(message, null, false, false);
        }
    }
}
