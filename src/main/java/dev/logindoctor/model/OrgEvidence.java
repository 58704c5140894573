package dev.logindoctor.model;

import java.util.List;
import java.util.Map;

/**
 * Everything read from the org over the diagnostics connection, fetched once per diagnosis and
 * handed on to every later step. A null part is unknown; {@code gaps} says why, keyed by part
 * name ({@code user}, {@code userLogin}, {@code loginHistory}, {@code permissions},
 * {@code ipRanges}, {@code loginHours}, {@code organization}, {@code settings}).
 *
 * @param available         false when the diagnostics connection could not be used at all
 * @param unavailableReason why not, when not available
 * @param userLookup        whether the report's username exists in this org (any active state)
 * @param baseUsernameUser  the user whose username is the report's minus a trailing sandbox suffix
 *                          (".uat"), when that user exists here; evidence of a wrong endpoint
 * @param loginHistory      the user's rows near the failure time, newest first, capped
 * @param ipRanges          the Login IP Ranges of the user's profile; empty list = no ranges
 * @param diagnosticsLoginUrl the host the diagnostics connection logged in through
 * @param requests          org API requests spent building this evidence (token request included)
 * @param instanceUrl       the org's own URL from the token response ({@code instance_url}, its My
 *                          Domain on current orgs): tells which org this is even when the
 *                          diagnostics connection logs in through a generic host
 * @param diagnosticsRefusal what Salesforce answered when it refused the diagnostics login itself
 *                          (null when it was not refused): the org refusing everyone is evidence
 * @param connectedApps     the org's connected apps and their OAuth policies; null = unknown ({@code connectedApps} gap)
 * @param myDomainPolicy    whether logins must use the org's My Domain host; null = unknown ({@code myDomain} gap)
 */
public record OrgEvidence(
        boolean available,
        String unavailableReason,
        OrgInfo organization,
        Lookup userLookup,
        UserRecord user,
        UserRecord baseUsernameUser,
        UserLoginState userLogin,
        List<LoginHistoryRow> loginHistory,
        EffectivePermissions permissions,
        List<IpRange> ipRanges,
        LoginHours loginHours,
        OrgSettings settings,
        String diagnosticsLoginUrl,
        Map<String, String> gaps,
        int requests,
        String instanceUrl,
        ReportedError diagnosticsRefusal,
        List<ConnectedAppPolicy> connectedApps,
        MyDomainPolicy myDomainPolicy) {

    public OrgEvidence {
        loginHistory = loginHistory == null ? null : List.copyOf(loginHistory);
        ipRanges = ipRanges == null ? null : List.copyOf(ipRanges);
        gaps = gaps == null ? Map.of() : Map.copyOf(gaps);
        userLookup = userLookup == null ? Lookup.UNKNOWN : userLookup;
        settings = settings == null ? OrgSettings.unknown() : settings;
        connectedApps = connectedApps == null ? null : List.copyOf(connectedApps);
    }

    /** Without the diagnostics refusal, the connected apps and the My Domain policy (older state documents, tests). */
    public OrgEvidence(boolean available, String unavailableReason, OrgInfo organization, Lookup userLookup, UserRecord user,
                       UserRecord baseUsernameUser, UserLoginState userLogin, List<LoginHistoryRow> loginHistory,
                       EffectivePermissions permissions, List<IpRange> ipRanges, LoginHours loginHours, OrgSettings settings,
                       String diagnosticsLoginUrl, Map<String, String> gaps, int requests, String instanceUrl) {
        this(available, unavailableReason, organization, userLookup, user, baseUsernameUser, userLogin, loginHistory,
                permissions, ipRanges, loginHours, settings, diagnosticsLoginUrl, gaps, requests, instanceUrl, null, null, null);
    }

    /** Evidence for a diagnosis that has no usable diagnostics connection. */
    public static OrgEvidence unavailable(String reason, int requests) {
        return refused(reason, requests, null, null);
    }

    /** The diagnostics login at {@code diagnosticsLoginUrl} was refused, with what Salesforce answered. */
    public static OrgEvidence refused(String reason, int requests, String diagnosticsLoginUrl, ReportedError refusal) {
        return new OrgEvidence(false, reason, null, Lookup.UNKNOWN, null, null, null, null, null, null, null,
                null, diagnosticsLoginUrl, Map.of(), requests, null, refusal, null, null);
    }

    public OrgEvidence withInstanceUrl(String url) {
        return new OrgEvidence(available, unavailableReason, organization, userLookup, user, baseUsernameUser, userLogin,
                loginHistory, permissions, ipRanges, loginHours, settings, diagnosticsLoginUrl, gaps, requests, url,
                diagnosticsRefusal, connectedApps, myDomainPolicy);
    }

    public OrgEvidence withAppsAndDomain(List<ConnectedAppPolicy> apps, MyDomainPolicy policy) {
        return new OrgEvidence(available, unavailableReason, organization, userLookup, user, baseUsernameUser, userLogin,
                loginHistory, permissions, ipRanges, loginHours, settings, diagnosticsLoginUrl, gaps, requests, instanceUrl,
                diagnosticsRefusal, apps, policy);
    }

    /** Why a part is unknown: the recorded gap, or the connection's own reason. */
    public String gap(String part) {
        if (!available) {
            return "no diagnostics connection: " + unavailableReason;
        }
        return gaps.getOrDefault(part, part + " was not fetched");
    }
}
