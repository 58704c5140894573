package dev.logindoctor.sim;

import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.SalesforceId;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SimScenario} into a live {@link OrgState}: profiles with their own permission
 * sets, users, connected apps (generating key pairs where asked), and the diagnostics kit (an API
 * Only user with Manage Users + View Setup, reached through a pre-authorized JWT app).
 */
final class OrgLoader {
    static final String DIAGNOSTICS_PROFILE = "Login Doctor Diagnostics Integration";
    static final String DIAGNOSTICS_PERMISSION_SET = "Login_Doctor_Diagnostics";
    static final String DIAGNOSTICS_APP = "Login Doctor Diagnostics";

    private OrgLoader() {
    }

    static OrgState load(SimScenario scenario, SimClock clock) {
        if (scenario.organization() == null || scenario.organization().id() == null) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": organization.id is required");
        }
        OrgState org = new OrgState(scenario, clock);
        for (SimScenario.Profile p : scenario.profiles()) {
            addProfile(org, p.id() == null ? org.ids.next("00e") : SalesforceId.to18(p.id()), p.name(), p.userLicense(),
                    p.loginIpRanges(), p.loginHours(), Perms.of(p.permissions()));
        }
        for (SimScenario.PermissionSet ps : scenario.permissionSets()) {
            org.permissionSets.add(new SimPermissionSet(ps.id() == null ? org.ids.next("0PS") : SalesforceId.to18(ps.id()),
                    ps.name(), ps.label() == null ? ps.name().replace('_', ' ') : ps.label(), false, null, Perms.of(ps.permissions())));
        }
        for (SimScenario.User u : scenario.users()) {
            addUser(org, u);
        }
        ensureDiagnosticsKit(org, scenario.diagnostics());
        for (SimScenario.ConnectedApp a : scenario.connectedApps()) {
            org.apps.add(app(org, a));
        }
        ensureDiagnosticsApp(org);
        return org;
    }

    private static SimProfile addProfile(OrgState org, String id, String name, String license, List<SimScenario.Range> ranges,
                                         Map<String, SimScenario.Window> hours, Perms perms) {
        Map<DayOfWeek, int[]> minutes = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, w) -> minutes.put(day(day), new int[]{minute(w.start()), minute(w.end())}));
        SimProfile profile = new SimProfile(id, name, license == null ? "Salesforce" : license,
                ranges.stream().map(r -> new IpRange(r.start(), r.end(), r.description())).toList(),
                minutes, org.timeZone, perms);
        // Salesforce gives every profile a permission set of its own, named X + the profile id.
        profile.ownedPermissionSet = new SimPermissionSet(org.ids.next("0PS"), "X" + id, id.substring(0, 15), true, id, perms);
        org.profiles.add(profile);
        org.permissionSets.add(profile.ownedPermissionSet);
        return profile;
    }

    private static SimUser addUser(OrgState org, SimScenario.User u) {
        if (u.username() == null || u.profile() == null) {
            throw new IllegalArgumentException("every user needs a username and a profile");
        }
        SimProfile profile = org.profiles.stream()
                .filter(p -> p.name.equalsIgnoreCase(u.profile()) || SalesforceId.same(p.id, u.profile()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("user " + u.username() + ": no profile " + u.profile()));
        List<SimPermissionSet> sets = new ArrayList<>();
        for (String ref : u.permissionSets()) {
            sets.add(org.permissionSets.stream()
                    .filter(ps -> !ps.ownedByProfile() && (ps.name().equalsIgnoreCase(ref) || SalesforceId.same(ps.id(), ref)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("user " + u.username() + ": no permission set " + ref)));
        }
        if (org.userByUsername(u.username()).isPresent()) {
            throw new IllegalArgumentException("two users named " + u.username() + ": usernames are unique across Salesforce");
        }
        Instant now = org.now();
        SimUser user = new SimUser(u.id() == null ? org.ids.next("005") : SalesforceId.to18(u.id()), org.ids.next("060"),
                u.username(), u.firstName(), u.lastName() == null ? u.username() : u.lastName(),
                u.email() == null ? u.username().replaceAll("\\.[a-z0-9]+$", "") : u.email(),
                u.userType() == null ? "Standard" : u.userType(),
                u.createdDate() == null ? now.minusSeconds(400L * 86400) : u.createdDate(), profile, sets);
        user.password = u.password();
        user.securityToken = u.securityToken() == null ? SimIds.random(25) : u.securityToken();
        user.active = !Boolean.FALSE.equals(u.active());
        user.frozen = Boolean.TRUE.equals(u.frozen());
        user.lockedAt = Boolean.TRUE.equals(u.passwordLocked()) ? now : null;
        user.lastPasswordChangeDate = u.lastPasswordChangeDate() == null ? user.createdDate : u.lastPasswordChangeDate();
        user.lastLoginDate = u.lastLoginDate();
        org.users.add(user);
        return user;
    }

    private static void ensureDiagnosticsKit(OrgState org, SimScenario.Diagnostics d) {
        String username = d != null && d.username() != null ? d.username()
                : "login-doctor@" + (org.myDomain == null ? "org" : org.myDomain) + ".example.com"
                  + (org.sandbox && org.sandboxName != null ? "." + org.sandboxName : "");
        org.diagnosticsUsername = username;
        org.diagnosticsConsumerKey = d != null && d.consumerKey() != null ? d.consumerKey() : "3MVG9" + digest(org.orgId + "/diagnostics");
        if (org.userByUsername(username).isPresent()) {
            return;
        }
        SimProfile profile = addProfile(org, org.ids.next("00e"), DIAGNOSTICS_PROFILE, "Salesforce Integration",
                List.of(), Map.of(), new Perms(true, true, false, false, false, false, false));
        SimPermissionSet set = new SimPermissionSet(org.ids.next("0PS"), DIAGNOSTICS_PERMISSION_SET, "Login Doctor Diagnostics",
                false, null, new Perms(true, false, false, false, false, true, true));
        org.permissionSets.add(set);
        addUser(org, new SimScenario.User(null, username, "Login Doctor", "Diagnostics", null, null, null, true, false,
                false, profile.name, List.of(set.name()), null, null, "Standard", null));
    }

    private static void ensureDiagnosticsApp(OrgState org) {
        if (org.appByConsumerKey(org.diagnosticsConsumerKey).isPresent()) {
            return;
        }
        SimUser user = org.userByUsername(org.diagnosticsUsername).orElseThrow();
        List<String> sets = user.permissionSets.stream().map(SimPermissionSet::name).toList();
        org.apps.add(app(org, new SimScenario.ConnectedApp(DIAGNOSTICS_APP, org.diagnosticsConsumerKey, null, "generate",
                true, sets.isEmpty() ? List.of(user.profile.name) : List.of(), sets, "ENFORCE", List.of(), null, null, null, null, null)));
    }

    private static SimApp app(OrgState org, SimScenario.ConnectedApp a) {
        if (a.consumerKey() == null) {
            throw new IllegalArgumentException("connected app " + a.name() + ": consumerKey is required");
        }
        PublicKey pub = null;
        PrivateKey priv = null;
        if ("generate".equalsIgnoreCase(a.publicKey())) {
            KeyPair kp = PemKeys.generatedFor(org.orgId + "/" + a.consumerKey());
            pub = kp.getPublic();
            priv = kp.getPrivate();
        } else if (a.publicKey() != null) {
            pub = PemKeys.readPublic(a.publicKey());
        }
        Set<String> profileIds = new HashSet<>();
        for (String ref : a.preAuthorizedProfiles()) {
            profileIds.add(org.profiles.stream().filter(p -> p.name.equalsIgnoreCase(ref) || SalesforceId.same(p.id, ref))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("app " + a.name() + ": no profile " + ref)).id);
        }
        Set<String> setIds = new HashSet<>();
        for (String ref : a.preAuthorizedPermissionSets()) {
            setIds.add(org.permissionSets.stream().filter(p -> p.name().equalsIgnoreCase(ref) || SalesforceId.same(p.id(), ref))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("app " + a.name() + ": no permission set " + ref)).id());
        }
        Map<String, SimApp.Grant> grants = new HashMap<>();
        for (SimScenario.RefreshToken t : a.refreshTokens()) {
            Instant issued = t.issuedAt() == null ? org.now().minusSeconds(30L * 86400) : t.issuedAt();
            grants.put(t.token(), new SimApp.Grant(t.username(), Boolean.TRUE.equals(t.revoked()), issued,
                    t.lastUsedAt() == null ? issued : t.lastUsedAt()));
        }
        SimApp.Policy policy = new SimApp.Policy(Boolean.TRUE.equals(a.adminApprovedOnly()),
                a.ipRelaxation() == null ? "ENFORCE" : a.ipRelaxation().toUpperCase(Locale.ROOT),
                Boolean.TRUE.equals(a.refreshTokenRotation()), SimApp.Expiry.of(a.refreshTokenExpiry()),
                Boolean.TRUE.equals(a.externalClientApp()), !Boolean.FALSE.equals(a.installed()));
        return new SimApp(org.ids.next("0H4"), a.name(), a.consumerKey(), a.consumerSecret(), pub, priv,
                policy, profileIds, setIds, grants, a.runAs());
    }

    static DayOfWeek day(String name) {
        try {
            return DayOfWeek.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("loginHours: unknown day " + name);
        }
    }

    static int minute(String hhmm) {
        String[] parts = hhmm.strip().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("loginHours times are HH:mm, got " + hhmm);
        }
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 40).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
