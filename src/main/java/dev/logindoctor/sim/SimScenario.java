package dev.logindoctor.sim;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One simulated org, as read from a scenario file (the format is documented in
 * {@code docs/sim-scenarios.md}). Plain data: {@link SimulatedOrg} turns it into live state.
 *
 * @param now         the sim clock's start; it then advances with real time
 * @param diagnostics the Login Doctor diagnostics user and its JWT app; added with defaults when absent
 * @param integration the failing integration this scenario is about (demo and end-to-end tests)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SimScenario(
        String name,
        String description,
        Instant now,
        Organization organization,
        List<Profile> profiles,
        List<PermissionSet> permissionSets,
        List<User> users,
        List<ConnectedApp> connectedApps,
        Trust trust,
        List<SeededLogin> loginHistory,
        List<PreAttempt> preAttempts,
        List<FaultSpec> faults,
        Diagnostics diagnostics,
        IntegrationSpec integration) {

    public SimScenario {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
        users = users == null ? List.of() : List.copyOf(users);
        connectedApps = connectedApps == null ? List.of() : List.copyOf(connectedApps);
        loginHistory = loginHistory == null ? List.of() : List.copyOf(loginHistory);
        preAttempts = preAttempts == null ? List.of() : List.copyOf(preAttempts);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }

    /** The org itself, its settings and its policies. */
    public record Organization(
            String id,
            String name,
            String instanceName,
            boolean isSandbox,
            String myDomain,
            String sandboxName,
            String timeZone,
            String organizationType,
            Instant trialExpirationDate,
            Settings settings,
            PasswordPolicy passwordPolicy,
            List<Range> trustedIpRanges,
            Integer loginRateLimitPerHour,
            Integer sessionTimeoutMinutes,
            Integer queryBatchSize,
            Integer apiRequestLimit,
            String status) {
    }

    /**
     * Org-wide switches for the ways of logging in; null means the Salesforce default (the flows on,
     * the My Domain login policy off). {@code apiLoginRequiresMyDomain} / {@code uiLoginRequiresMyDomain}
     * are MyDomainSettings' doesApiLoginRequireOrgDomain / canOnlyLoginWithMyDomainUrl.
     */
    public record Settings(Boolean soapLoginEnabled, Boolean usernamePasswordFlowAllowed, Boolean apiEnabled,
                           Boolean apiLoginRequiresMyDomain, Boolean uiLoginRequiresMyDomain) {
    }

    /**
     * {@code lockoutMinutes} 0 means locked until an admin unlocks; {@code maxInvalidAttempts} 0 means no limit;
     * {@code expiration} is the Metadata API value of "User passwords expire in" (NinetyDays when absent, as Salesforce defaults).
     */
    public record PasswordPolicy(Integer maxInvalidAttempts, Integer lockoutMinutes, String expiration) {
    }

    /** An inclusive IP range, as the profile's Login IP Ranges and the org's trusted ranges hold them. */
    public record Range(String start, String end, String description) {
    }

    /** A day's login window in the org's time zone, "HH:mm" each; start == end allows no login that day. */
    public record Window(String start, String end) {
    }

    public record Profile(
            String id,
            String name,
            String userLicense,
            List<Range> loginIpRanges,
            Map<String, Window> loginHours,
            Permissions permissions) {
        public Profile {
            loginIpRanges = loginIpRanges == null ? List.of() : List.copyOf(loginIpRanges);
            loginHours = loginHours == null ? Map.of() : Map.copyOf(loginHours);
        }
    }

    /** System permissions as the sim models them; null = false. */
    public record Permissions(
            Boolean apiEnabled,
            Boolean apiOnlyUser,
            Boolean mfaForUiLogins,
            Boolean mfaForApiLogins,
            Boolean bypassMfaForUiLogins,
            Boolean manageUsers,
            Boolean viewSetup,
            Boolean ssoEnabled,
            Boolean passwordNeverExpires) {
        public static Permissions none() {
            return new Permissions(false, false, false, false, false, false, false, false, false);
        }
    }

    public record PermissionSet(String id, String name, String label, Permissions permissions) {
    }

    /** {@code profile} and {@code permissionSets} name profiles / permission sets by name or id. */
    public record User(
            String id,
            String username,
            String firstName,
            String lastName,
            String email,
            String password,
            String securityToken,
            Boolean active,
            Boolean frozen,
            Boolean passwordLocked,
            String profile,
            List<String> permissionSets,
            Instant lastPasswordChangeDate,
            Instant lastLoginDate,
            String userType,
            Instant createdDate) {
        public User {
            permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
        }

        @Override
        public String toString() {
            return "User[" + username + ", profile=" + profile + ", secrets redacted]";
        }
    }

    /**
     * A connected app. {@code publicKey} is a PEM public key or certificate, or "generate" for a
     * key pair made at load (its private key stays in memory). {@code runAs} is the client
     * credentials flow's user. {@code refreshTokenRotation}: every refresh returns a new refresh token
     * and retires the one used. {@code externalClientApp}: an External Client App (no username-password
     * flow, not a ConnectedApplication row). {@code installed} false: known here but not installed.
     */
    public record ConnectedApp(
            String name,
            String consumerKey,
            String consumerSecret,
            String publicKey,
            Boolean adminApprovedOnly,
            List<String> preAuthorizedProfiles,
            List<String> preAuthorizedPermissionSets,
            String ipRelaxation,
            List<RefreshToken> refreshTokens,
            String runAs,
            Boolean refreshTokenRotation,
            RefreshTokenExpiry refreshTokenExpiry,
            Boolean externalClientApp,
            Boolean installed) {
        public ConnectedApp {
            preAuthorizedProfiles = preAuthorizedProfiles == null ? List.of() : List.copyOf(preAuthorizedProfiles);
            preAuthorizedPermissionSets = preAuthorizedPermissionSets == null ? List.of() : List.copyOf(preAuthorizedPermissionSets);
            refreshTokens = refreshTokens == null ? List.of() : List.copyOf(refreshTokens);
        }

        @Override
        public String toString() {
            return "ConnectedApp[" + name + ", consumerKey=" + consumerKey + ", secrets redacted]";
        }
    }

    /**
     * The app's Refresh Token Policy: expire {@code period} {@code unit}s (HOURS, DAYS, MONTHS) after
     * issue, or, with {@code ifNotUsed}, after the token's last use.
     */
    public record RefreshTokenExpiry(Integer period, String unit, Boolean ifNotUsed) {
    }

    /**
     * A refresh token the app issued to a user; {@code revoked} ones, and ones the app's expiry
     * policy has retired on the sim clock, answer "expired access/refresh token".
     */
    public record RefreshToken(String token, String username, Boolean revoked, Instant issuedAt, Instant lastUsedAt) {
        @Override
        public String toString() {
            return "RefreshToken[" + username + (Boolean.TRUE.equals(revoked) ? ", revoked" : "") + ", token redacted]";
        }
    }

    /** Salesforce Trust data for the org's instance and any others the scenario names. */
    public record Trust(List<TrustInstance> instances, List<Maintenance> maintenances, List<Incident> incidents) {
        public Trust {
            instances = instances == null ? List.of() : List.copyOf(instances);
            maintenances = maintenances == null ? List.of() : List.copyOf(maintenances);
            incidents = incidents == null ? List.of() : List.copyOf(incidents);
        }
    }

    /** {@code status} null = computed from the maintenances and incidents covering the sim's now. */
    public record TrustInstance(String key, String location, String environment, String releaseVersion,
                                String releaseNumber, String status, Boolean isActive) {
    }

    /** A Trust maintenance; {@code availability} "unavailable" takes logins down while it runs. */
    public record Maintenance(Long id, String name, Instant plannedStartTime, Instant plannedEndTime,
                              List<String> instanceKeys, Boolean isCore, String eventStatus,
                              String maintenanceType, String availability) {
        public Maintenance {
            instanceKeys = instanceKeys == null ? List.of() : List.copyOf(instanceKeys);
        }
    }

    public record Incident(Long id, List<String> instanceKeys, Boolean isCore, Boolean affectsAll,
                           List<Impact> impacts, List<IncidentEvent> events, Instant createdAt) {
        public Incident {
            instanceKeys = instanceKeys == null ? List.of() : List.copyOf(instanceKeys);
            impacts = impacts == null ? List.of() : List.copyOf(impacts);
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    /** {@code severity} "major"|"minor"; {@code type} "serviceDisruption"|"performanceDegradation". */
    public record Impact(Instant startTime, Instant endTime, String severity, String type) {
    }

    public record IncidentEvent(Instant createdAt, String type, String message) {
    }

    /** A LoginHistory row present before the sim starts (older history, confounders). */
    public record SeededLogin(String username, Instant loginTime, String status, String sourceIp, String loginType,
                              String loginSubType, String loginUrl, String apiType, String apiVersion,
                              String application) {
    }

    /**
     * Login attempts replayed at load through the same login logic, so lockouts and history arise
     * the real way. {@code password} is exactly what the password field carried (password and
     * token appended). Repeated {@code repeat} times, {@code spacingSeconds} apart from {@code at}.
     */
    public record PreAttempt(String username, String flow, String password, String clientId, String sourceIp,
                             Instant at, Integer repeat, Integer spacingSeconds) {
        @Override
        public String toString() {
            return "PreAttempt[" + username + " via " + flow + " at " + at + " x" + repeat + ", password redacted]";
        }
    }

    /** The diagnostics user and its JWT connected app; missing parts get defaults. */
    public record Diagnostics(String username, String consumerKey) {
    }
}
