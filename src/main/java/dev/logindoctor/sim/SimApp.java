package dev.logindoctor.sim;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Set;

/**
 * A connected app. {@code generatedPrivateKey} exists only when the scenario asked the sim to
 * generate the app's key pair; it never leaves memory except through the diagnostics secret.
 */
final class SimApp {
    final String id;
    final String name;
    final String consumerKey;
    final String consumerSecret;
    final PublicKey publicKey;
    final PrivateKey generatedPrivateKey;
    final boolean adminApprovedOnly;
    final Set<String> preAuthorizedProfileIds;
    final Set<String> preAuthorizedPermissionSetIds;
    /** ENFORCE or RELAX: whether profile IP ranges apply to this app's non-bearer flows. */
    final String ipRelaxation;
    /** refresh token -> issued grant */
    final Map<String, Grant> refreshTokens;
    final String runAsUsername;

    record Grant(String username, boolean revoked) {
    }

    SimApp(String id, String name, String consumerKey, String consumerSecret, PublicKey publicKey,
           PrivateKey generatedPrivateKey, boolean adminApprovedOnly, Set<String> preAuthorizedProfileIds,
           Set<String> preAuthorizedPermissionSetIds, String ipRelaxation, Map<String, Grant> refreshTokens,
           String runAsUsername) {
        this.id = id;
        this.name = name;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.publicKey = publicKey;
        this.generatedPrivateKey = generatedPrivateKey;
        this.adminApprovedOnly = adminApprovedOnly;
        this.preAuthorizedProfileIds = Set.copyOf(preAuthorizedProfileIds);
        this.preAuthorizedPermissionSetIds = Set.copyOf(preAuthorizedPermissionSetIds);
        this.ipRelaxation = ipRelaxation == null ? "ENFORCE" : ipRelaxation;
        this.refreshTokens = new java.util.concurrent.ConcurrentHashMap<>(refreshTokens);
        this.runAsUsername = runAsUsername;
    }

    boolean relaxesIpRestrictions() {
        return "RELAX".equalsIgnoreCase(ipRelaxation);
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

    @Override
    public String toString() {
        return "SimApp[" + name + "]";
    }
}
