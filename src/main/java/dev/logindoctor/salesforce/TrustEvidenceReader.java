package dev.logindoctor.salesforce;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.LoginUrl;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvent;
import dev.logindoctor.model.TrustEvidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What Salesforce Trust says about the org's instance around the failure. The instance comes from
 * the org ({@code Organization.InstanceName}) when the diagnostics connection worked, else from the
 * login URL's My Domain alias through the Trust API ({@code /instanceAliases/{alias}/status}, then
 * {@code /search/{alias}}). Requests that need not wait for each other run side by side, and the
 * alias reading can start before the org is read ({@link #readBeside}). Throttling and 5xx are thrown
 * for a later retry; anything else that leaves the instance or its events unknown is
 * {@link TrustEvidence#unavailable(String)}.
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
     *                   that broke the login. Asked only when neither the org nor the login host names the instance.
     */
    public TrustEvidence read(FailureReport report, OrgEvidence org, Instant now, Supplier<String> knownAlias) {
        Instant failedAt = failedAt(report, now);
        String key = orgInstance(org);
        if (key != null) {
            return answer(() -> byInstance(key, failedAt));
        }
        String alias = alias(report, knownAlias);
        if (alias == null) {
            return TrustEvidence.unavailable(unresolvedReason(report, org));
        }
        return answer(() -> byAlias(alias, failedAt));
    }

    /**
     * Starts reading Trust by the My Domain alias known before the org is read (the login host's,
     * else {@code knownAlias}), so its requests run beside the token → composite chain. Null when
     * there is no alias to go by. {@link #complete} takes the answer once the org is in.
     */
    public CompletableFuture<TrustEvidence> readBeside(FailureReport report, String knownAlias, Instant now) {
        String alias = alias(report, () -> knownAlias);
        if (alias == null) {
            return null;
        }
        Instant failedAt = failedAt(report, now);
        return Concurrently.start(() -> answer(() -> byAlias(alias, failedAt)));
    }

    /**
     * The Trust evidence once the org is read: what {@link #readBeside} found when it is about the
     * org's own instance (or the org gave none), else a reading by the org's instance — the org's
     * word on where it lives outranks the alias's.
     */
    public TrustEvidence complete(CompletableFuture<TrustEvidence> ahead, FailureReport report, OrgEvidence org, Instant now,
                                  Supplier<String> knownAlias) {
        String key = orgInstance(org);
        if (ahead != null) {
            try {
                TrustEvidence early = Concurrently.join(ahead);
                if (key == null || (early.available() && key.equalsIgnoreCase(early.instanceKey()))) {
                    return early;
                }
            } catch (SalesforceException e) {
                if (key == null) {
                    throw e;
                }
            }
        }
        return read(report, org, now, knownAlias);
    }

    /**
     * What Trust has scheduled on the org's instance from {@code now} to {@code horizon} ahead (the risk
     * check's view): maintenances overlapping that window, found the same way as the instance at a failure.
     */
    public TrustEvidence readAhead(FailureReport report, OrgEvidence org, Instant now, Duration horizon, Supplier<String> knownAlias) {
        return answer(() -> {
            String key = instanceKey(report, org, knownAlias);
            if (key == null) {
                return TrustEvidence.unavailable(unresolvedReason(report, org));
            }
            CompletableFuture<List<TrustEvent>> maintenances = Concurrently.start(() -> trust.maintenances(key, now));
            TrustClient.InstanceStatus status = trust.instanceStatus(key);
            Map<String, TrustEvent> events = new LinkedHashMap<>();
            status.events().forEach(e -> events.put(identity(e), e));
            Concurrently.join(maintenances).forEach(e -> events.put(identity(e), e));
            List<TrustEvent> ahead = new ArrayList<>();
            for (TrustEvent e : events.values()) {
                if (e.kind() == TrustEvent.Kind.MAINTENANCE && overlaps(e, now, now.plus(horizon))) {
                    ahead.add(e);
                }
            }
            ahead.sort(java.util.Comparator.comparing(TrustEvent::start));
            return new TrustEvidence(true, null, status.key(), status.status(), ahead);
        });
    }

    /** The org's instance, else the one its My Domain alias resolves to (a request); null when neither is known. */
    private String instanceKey(FailureReport report, OrgEvidence org, Supplier<String> knownAlias) {
        String key = orgInstance(org);
        if (key != null) {
            return key;
        }
        String alias = alias(report, knownAlias);
        if (alias == null) {
            return null;
        }
        try {
            return trust.aliasStatus(alias).key();
        } catch (RequestRejected e) {
            List<TrustClient.SearchHit> hits = trust.search(alias);
            if (hits.isEmpty()) {
                throw new AliasUnknown("the Trust API knows no instance for My Domain '" + alias
                        + "' (it lists none for sandbox, trial and scratch orgs)");
            }
            return hits.get(0).instanceKey();
        }
    }

    /** Instance status, maintenances and incidents for a known instance: three requests side by side. */
    private TrustEvidence byInstance(String key, Instant failedAt) {
        Instant since = failedAt.minus(LOOK_BACK);
        CompletableFuture<List<TrustEvent>> maintenances = Concurrently.start(() -> trust.maintenances(key, since));
        CompletableFuture<List<TrustEvent>> incidents = Concurrently.start(() -> trust.incidents(key, since));
        TrustClient.InstanceStatus status = trust.instanceStatus(key);
        return evidence(status, Concurrently.join(maintenances), Concurrently.join(incidents), failedAt);
    }

    /**
     * By a My Domain alias: its status document is the instance's (key, status and embedded events),
     * then maintenances and incidents side by side. Not every alias form is served there; the search
     * endpoint answers for more of them.
     */
    private TrustEvidence byAlias(String alias, Instant failedAt) {
        TrustClient.InstanceStatus status;
        try {
            status = trust.aliasStatus(alias);
        } catch (RequestRejected e) {
            List<TrustClient.SearchHit> hits = trust.search(alias);
            if (hits.isEmpty()) {
                throw new AliasUnknown("the Trust API knows no instance for My Domain '" + alias
                        + "' (it lists none for sandbox, trial and scratch orgs)");
            }
            return byInstance(hits.get(0).instanceKey(), failedAt);
        }
        Instant since = failedAt.minus(LOOK_BACK);
        String key = status.key();
        CompletableFuture<List<TrustEvent>> maintenances = Concurrently.start(() -> trust.maintenances(key, since));
        List<TrustEvent> incidents = trust.incidents(key, since);
        return evidence(status, Concurrently.join(maintenances), incidents, failedAt);
    }

    private static TrustEvidence evidence(TrustClient.InstanceStatus status, List<TrustEvent> maintenances, List<TrustEvent> incidents,
                                          Instant failedAt) {
        Map<String, TrustEvent> events = new LinkedHashMap<>();
        status.events().forEach(e -> events.put(identity(e), e));
        maintenances.forEach(e -> events.put(identity(e), e));
        incidents.forEach(e -> events.put(identity(e), e));
        List<TrustEvent> near = new ArrayList<>();
        for (TrustEvent e : events.values()) {
            if (overlaps(e, failedAt.minus(NEAR), failedAt.plus(NEAR))) {
                near.add(e);
            }
        }
        near.sort(java.util.Comparator.comparing(TrustEvent::start));
        return new TrustEvidence(true, null, status.key(), status.status(), near);
    }

    /** Throttling and 5xx escape for a retry; a refused or garbled answer, or an unknown alias, is unavailable evidence. */
    private static TrustEvidence answer(Supplier<TrustEvidence> reading) {
        try {
            return reading.get();
        } catch (RequestRejected | MalformedResponse e) {
            return TrustEvidence.unavailable("the Trust API could not be read: " + e.getMessage());
        } catch (AliasUnknown e) {
            return TrustEvidence.unavailable(e.getMessage());
        }
    }

    private static Instant failedAt(FailureReport report, Instant now) {
        return report.failedAt() != null ? report.failedAt() : now;
    }

    private static String orgInstance(OrgEvidence org) {
        if (org != null && org.available() && org.organization() != null && org.organization().instanceName() != null
                && !org.organization().instanceName().isBlank()) {
            return org.organization().instanceName().strip();
        }
        return null;
    }

    private static String alias(FailureReport report, Supplier<String> knownAlias) {
        String alias = myDomainAlias(report.loginUrl());
        if (alias == null) {
            String known = knownAlias.get();
            alias = known == null || known.isBlank() ? null : known.strip().toLowerCase(Locale.ROOT);
        }
        return alias;
    }

    private static String unresolvedReason(FailureReport report, OrgEvidence org) {
        String fromOrg = org == null || !org.available() ? "there is no diagnostics connection"
                : "the org did not give its instance (" + org.gap("organization") + ")";
        return "the org's instance is unknown: " + fromOrg + ", and the login host " + host(report.loginUrl())
                + " is not a My Domain whose alias the Trust API could look up (name it as \"myDomain\" in the diagnostics secret)";
    }

    /** {@code acme.my.salesforce.com} → {@code acme}; also sandbox/scratch My Domains and lightning hosts; else null. */
    public static String myDomainAlias(String loginUrl) {
        return LoginUrl.lenient(loginUrl).map(LoginUrl::myDomainAlias).orElse(null);
    }

    private static String host(String url) {
        return LoginUrl.lenient(url).map(LoginUrl::host).orElse(null);
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
