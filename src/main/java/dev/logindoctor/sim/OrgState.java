package dev.logindoctor.sim;

import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.SalesforceId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live org: records, settings, login history and counters. Every read or change of user
 * state happens while holding this object's monitor, so a login and a query never see half an update.
 */
final class OrgState {
    final SimScenario scenario;
    final SimClock clock;
    final SimIds ids;

    final String orgId;
    final String orgName;
    final String instanceName;
    final boolean sandbox;
    final String myDomain;
    final String sandboxName;
    final String timeZone;
    final String organizationType;
    final Instant trialExpirationDate;

    final boolean soapLoginEnabled;
    final boolean usernamePasswordFlowAllowed;
    final boolean apiEnabled;
    final boolean apiLoginRequiresMyDomain;
    final boolean uiLoginRequiresMyDomain;
    final int maxInvalidAttempts;
    final int lockoutMinutes;
    /** "User passwords expire in", as the Metadata API names it (NinetyDays, Never...). */
    final String passwordExpiration;
    /** Null when the org is usable; else why every login to it is refused. */
    final Rejection orgRefusal;
    final int loginRateLimitPerHour;
    final int sessionTimeoutMinutes;
    final int queryBatchSize;
    final int apiRequestLimit;
    final List<IpRange> trustedIpRanges;

    final List<SimProfile> profiles = new ArrayList<>();
    final List<SimPermissionSet> permissionSets = new ArrayList<>();
    final List<SimUser> users = new ArrayList<>();
    final List<SimApp> apps = new ArrayList<>();
    final List<HistoryRow> history = new ArrayList<>();
    /** lower-cased username -> {attempts, failed}, since start or the last counter reset */
    private final Map<String, int[]> attempts = new LinkedHashMap<>();

    String diagnosticsUsername;
    String diagnosticsConsumerKey;

    OrgState(SimScenario scenario, SimClock clock) {
        this.scenario = scenario;
        this.clock = clock;
        SimScenario.Organization o = scenario.organization();
        this.orgId = SalesforceId.to18(o.id());
        this.ids = new SimIds(orgId);
        this.orgName = o.name();
        this.instanceName = o.instanceName();
        this.sandbox = o.isSandbox();
        this.myDomain = o.myDomain();
        this.sandboxName = o.sandboxName();
        this.timeZone = o.timeZone() == null ? "America/Los_Angeles" : o.timeZone();
        this.organizationType = o.organizationType() == null
                ? (sandbox ? "Unlimited Edition" : "Enterprise Edition") : o.organizationType();
        this.trialExpirationDate = o.trialExpirationDate();
        SimScenario.Settings s = o.settings();
        this.soapLoginEnabled = s == null || !Boolean.FALSE.equals(s.soapLoginEnabled());
        this.usernamePasswordFlowAllowed = s == null || !Boolean.FALSE.equals(s.usernamePasswordFlowAllowed());
        this.apiEnabled = s == null || !Boolean.FALSE.equals(s.apiEnabled());
        this.apiLoginRequiresMyDomain = s != null && Boolean.TRUE.equals(s.apiLoginRequiresMyDomain());
        this.uiLoginRequiresMyDomain = s != null && Boolean.TRUE.equals(s.uiLoginRequiresMyDomain());
        SimScenario.PasswordPolicy p = o.passwordPolicy();
        this.maxInvalidAttempts = p == null || p.maxInvalidAttempts() == null ? 10 : p.maxInvalidAttempts();
        this.lockoutMinutes = p == null || p.lockoutMinutes() == null ? 15 : p.lockoutMinutes();
        this.passwordExpiration = p == null || p.expiration() == null ? "NinetyDays" : p.expiration();
        if (passwordExpiryDays(passwordExpiration) == null) {
            throw new IllegalArgumentException("passwordPolicy.expiration must be Never, ThirtyDays, SixtyDays, NinetyDays, SixMonths or OneYear");
        }
        this.orgRefusal = orgRefusal(o.status());
        if (!java.util.Set.of(0, 3, 5, 10).contains(maxInvalidAttempts)) {
            throw new IllegalArgumentException("passwordPolicy.maxInvalidAttempts must be 3, 5, 10 or 0 (no limit), as Salesforce offers");
        }
        if (!java.util.Set.of(0, 15, 30, 60).contains(lockoutMinutes)) {
            throw new IllegalArgumentException("passwordPolicy.lockoutMinutes must be 15, 30, 60 or 0 (forever), as Salesforce offers");
        }
        this.loginRateLimitPerHour = o.loginRateLimitPerHour() == null ? 3600 : o.loginRateLimitPerHour();
        this.sessionTimeoutMinutes = o.sessionTimeoutMinutes() == null ? 120 : o.sessionTimeoutMinutes();
        this.queryBatchSize = o.queryBatchSize() == null ? 2000 : o.queryBatchSize();
        this.apiRequestLimit = o.apiRequestLimit() == null ? 100_000 : o.apiRequestLimit();
        this.trustedIpRanges = o.trustedIpRanges() == null ? List.of() : o.trustedIpRanges().stream()
                .map(r -> new IpRange(r.start(), r.end(), r.description())).toList();
    }

    Instant now() {
        return clock.now();
    }

    private static Rejection orgRefusal(String status) {
        if (status == null || status.equalsIgnoreCase("active")) {
            return null;
        }
        return switch (status.toLowerCase(java.util.Locale.ROOT)) {
            case "locked" -> Rejection.ORG_LOCKED;
            case "suspended" -> Rejection.ORG_SUSPENDED;
            case "trialexpired" -> Rejection.TRIAL_EXPIRED;
            default -> throw new IllegalArgumentException("organization.status must be active, locked, suspended or trialExpired");
        };
    }

    /** Days in the Metadata API's expiration value; 0 for Never, null when unknown. */
    static Integer passwordExpiryDays(String expiration) {
        return switch (expiration) {
            case "Never" -> 0;
            case "ThirtyDays" -> 30;
            case "SixtyDays" -> 60;
            case "NinetyDays" -> 90;
            case "SixMonths" -> 180;
            case "OneYear" -> 365;
            default -> null;
        };
    }

    /** The org-wide policy expired this user's password (the sim has no per-profile policy). */
    boolean passwordExpired(SimUser user) {
        int days = passwordExpiryDays(passwordExpiration);
        return days > 0 && !user.effectivePerms().passwordNeverExpires() && user.lastPasswordChangeDate != null
                && !user.lastPasswordChangeDate.plus(java.time.Duration.ofDays(days)).isAfter(now());
    }

    synchronized Optional<SimUser> userByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String key = username.strip();
        return users.stream().filter(u -> u.username.equalsIgnoreCase(key)).findFirst();
    }

    synchronized Optional<SimUser> userById(String id) {
        return users.stream().filter(u -> SalesforceId.same(u.id, id)).findFirst();
    }

    synchronized Optional<SimApp> appByConsumerKey(String key) {
        return apps.stream().filter(a -> a.consumerKey.equals(key)).findFirst();
    }

    /**
     * Whether the user is locked now. A lock with a finite period lifts itself on the sim clock,
     * clearing the failed-attempt count, as Salesforce's lockout effective period does.
     */
    synchronized boolean isLocked(SimUser user) {
        if (user.lockedAt == null) {
            return false;
        }
        if (lockoutMinutes > 0 && !now().isBefore(user.lockedAt.plus(Duration.ofMinutes(lockoutMinutes)))) {
            user.lockedAt = null;
            user.failedAttempts = 0;
            return false;
        }
        return true;
    }

    /** A password change (scenario or admin) resets the security token, as Salesforce does. */
    synchronized void changePassword(SimUser user, String newPassword) {
        user.password = newPassword;
        user.securityToken = SimIds.random(25);
        user.lastPasswordChangeDate = now();
    }

    synchronized void recordAttempt(String username, boolean failed) {
        int[] c = attempts.computeIfAbsent(username.strip().toLowerCase(Locale.ROOT), k -> new int[2]);
        c[0]++;
        if (failed) {
            c[1]++;
        }
    }

    synchronized SimulatedOrg.Attempts attempts(String username) {
        int[] c = attempts.getOrDefault(username == null ? "" : username.strip().toLowerCase(Locale.ROOT), new int[2]);
        return new SimulatedOrg.Attempts(c[0], c[1]);
    }

    synchronized void resetAttemptCounters() {
        attempts.clear();
    }

    synchronized void addHistory(HistoryRow row) {
        history.add(row);
    }

    synchronized List<HistoryRow> historySnapshot() {
        return List.copyOf(history);
    }

    /** Rows for the user whose LoginTime lies within the hour before now (the login rate window). */
    synchronized long loginsInLastHour(SimUser user) {
        Instant from = now().minus(Duration.ofHours(1));
        return history.stream().filter(h -> h.userId().equals(user.id) && h.loginTime().isAfter(from)).count();
    }

    /** The host names that reach this org: its My Domain and the environment's login host. */
    String myDomainHost() {
        if (myDomain == null) {
            return null;
        }
        return sandbox && sandboxName != null
                ? myDomain + "--" + sandboxName + ".sandbox.my.salesforce.com"
                : myDomain + ".my.salesforce.com";
    }

    /**
     * A host that reaches the org without being its My Domain: the environment's login host or an
     * instance host (na123.salesforce.com). Loopback (the sim's own address) is not generic.
     */
    boolean isGenericHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.replaceAll(":\\d+$", "").toLowerCase(Locale.ROOT);
        return h.equals(environmentLoginHost()) || h.matches("[a-z]{2,4}\\d{1,4}\\.salesforce\\.com");
    }

    String environmentLoginHost() {
        return sandbox ? "test.salesforce.com" : "login.salesforce.com";
    }
}
