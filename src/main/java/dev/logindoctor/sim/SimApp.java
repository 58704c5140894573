package dev.logindoctor.sim;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A connected app (or External Client App). {@code generatedPrivateKey} exists only when the
 * scenario asked the sim to generate the app's key pair; it never leaves memory except through the
 * diagnostics secret. Its refresh tokens live and die here: revoked, expired by the app's policy on
 * the sim clock, or retired by rotation when a refresh hands out a new one.
 */
final class SimApp {
    final String id;
    final String name;
    final String consumerKey;
    final String consumerSecret;
    final PublicKey publicKey;
    final PrivateKey generatedPrivateKey;
    final Policy policy;
    final boolean adminApprovedOnly;
    final Set<String> preAuthorizedProfileIds;
    final Set<String> preAuthorizedPermissionSetIds;
    /** refresh token -> issued grant; changed only under this app's monitor */
    private final Map<String, Grant> refreshTokens;
    final String runAsUsername;

    /** An issued refresh token: whose, whether revoked, and the instants the expiry policy counts from. */
    record Grant(String username, boolean revoked, Instant issuedAt, Instant lastUsedAt) {
    }

    /** The Refresh Token Policy: a lifetime counted from issue, or from the last use. */
    record Expiry(Duration lifetime, boolean ifNotUsed, int period) {
        static Expiry of(SimScenario.RefreshTokenExpiry e) {
            if (e == null || e.period() == null) {
                return null;
            }
            String unit = e.unit() == null ? "DAYS" : e.unit().strip().toUpperCase(Locale.ROOT);
            Duration one = switch (unit) {
                case "HOURS" -> Duration.ofHours(1);
                case "DAYS" -> Duration.ofDays(1);
                case "MONTHS" -> Duration.ofDays(30);
                default -> throw new IllegalArgumentException("refreshTokenExpiry.unit must be HOURS, DAYS or MONTHS, got " + e.unit());
            };
            return new Expiry(one.multipliedBy(e.period()), Boolean.TRUE.equals(e.ifNotUsed()), e.period());
        }

        boolean expired(Grant g, Instant now) {
            Instant from = ifNotUsed ? g.lastUsedAt() : g.issuedAt();
            return from != null && !now.isBefore(from.plus(lifetime));
        }
    }

    /** The app's OAuth policies as Setup shows them. {@code expiry} null: "valid until revoked". */
    record Policy(boolean adminApprovedOnly, String ipRelaxation, boolean refreshTokenRotation, Expiry expiry,
                  boolean externalClientApp, boolean installed) {
    }

    SimApp(String id, String name, String consumerKey, String consumerSecret, PublicKey publicKey,
           PrivateKey generatedPrivateKey, Policy policy, Set<String> preAuthorizedProfileIds,
           Set<String> preAuthorizedPermissionSetIds, Map<String, Grant> refreshTokens, String runAsUsername) {
        this.id = id;
        this.name = name;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.publicKey = publicKey;
        this.generatedPrivateKey = generatedPrivateKey;
        this.policy = policy;
        this.adminApprovedOnly = policy.adminApprovedOnly();
        this.preAuthorizedProfileIds = Set.copyOf(preAuthorizedProfileIds);
        this.preAuthorizedPermissionSetIds = Set.copyOf(preAuthorizedPermissionSetIds);
        this.refreshTokens = new java.util.HashMap<>(refreshTokens);
        this.runAsUsername = runAsUsername;
    }

    boolean relaxesIpRestrictions() {
        return "RELAX".equalsIgnoreCase(policy.ipRelaxation());
    }

    /** True when the user may use this app: not admin-approved-only, or pre-authorized via profile or set. */
    boolean approves(SimUser user) {
        if (!adminApprovedOnly) {
            return true;
        }
        if (preAuthorizedProfileIds.contains(user.profile.id)) {
            return true;
        }
        return user.allAssignments().stream().anyMatch(ps -> preAuthorizedPermissionSetIds.contains(ps.id()));
    }

    /** The grant a refresh token stands for, if it still works at {@code now}: known, not revoked, not expired by policy. */
    synchronized Optional<Grant> usableGrant(String token, Instant now) {
        Grant g = token == null ? null : refreshTokens.get(token);
        if (g == null || g.revoked() || (policy.expiry() != null && policy.expiry().expired(g, now))) {
            return Optional.empty();
        }
        return Optional.of(g);
    }

    /** Whose refresh token this is, dead or alive: a refused refresh is still an attempt for that user. */
    synchronized Optional<String> owner(String token) {
        Grant g = token == null ? null : refreshTokens.get(token);
        return g == null ? Optional.empty() : Optional.of(g.username());
    }

    /**
     * Records a successful refresh with {@code token}: its last use moves to {@code now}. Under
     * rotation the token is retired and a new one issued to the same user, which is returned; a
     * second refresh with the retired token (a concurrent worker) then fails. Empty without rotation.
     */
    synchronized Optional<String> refreshed(String token, Instant now) {
        Grant g = refreshTokens.get(token);
        if (g == null) {
            return Optional.empty();
        }
        if (!policy.refreshTokenRotation()) {
            refreshTokens.put(token, new Grant(g.username(), g.revoked(), g.issuedAt(), now));
            return Optional.empty();
        }
        refreshTokens.put(token, new Grant(g.username(), true, g.issuedAt(), now));
        String next = "5Aep861" + SimIds.random(80);
        refreshTokens.put(next, new Grant(g.username(), false, now, now));
        return Optional.of(next);
    }

    /** Revokes every refresh token of the user (an admin's "Revoke" on the user's OAuth Connected Apps). */
    synchronized void revokeAll(String username) {
        refreshTokens.replaceAll((t, g) -> g.username().equalsIgnoreCase(username) ? new Grant(g.username(), true, g.issuedAt(), g.lastUsedAt()) : g);
    }

    @Override
    public String toString() {
        return "SimApp[" + name + "]";
    }
}
