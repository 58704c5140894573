package dev.logindoctor.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The objects and fields the sim serves, with the describe facts a client relies on (type, filterable,
 * reference target). Field names follow the Object Reference (docs/salesforce-wire-facts.md#loginhistory,
 * docs/salesforce-wire-facts.md#user-userlogin-and-permissions); {@code LoginIpRange}'s field names are
 * unconfirmed against a real org (docs/salesforce-wire-facts.md#login-ip-ranges-and-login-hours).
 */
final class SObjectSchema {
    record FieldDef(String name, String type, boolean filterable, String referenceTo, String relationshipName) {
        boolean isReference() {
            return referenceTo != null;
        }
    }

    record ObjectDef(String name, String label, String keyPrefix, boolean tooling, List<FieldDef> fields) {
        Optional<FieldDef> field(String name) {
            return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
        }

        Optional<FieldDef> relationship(String relationshipName) {
            return fields.stream().filter(f -> f.relationshipName() != null && f.relationshipName().equalsIgnoreCase(relationshipName)).findFirst();
        }
    }

    /**
     * LoginHistory fields Salesforce documents as filterable (docs/salesforce-wire-facts.md#loginhistory);
     * Status is not among them.
     */
    private static final Set<String> LOGIN_HISTORY_FILTERABLE = Set.of("AuthenticationServiceId", "CipherSuite", "CountryIso", "Id",
            "LoginTime", "LoginType", "LoginUrl", "NetworkId", "OptionsIsGet", "OptionsIsPost", "TlsProtocol", "UserId");

    private static final Map<String, ObjectDef> STANDARD = new LinkedHashMap<>();
    private static final Map<String, ObjectDef> TOOLING = new LinkedHashMap<>();

    static {
        add(STANDARD, obj("Organization", "Organization", "00D", false, List.of(
                id(), str("Name"), str("InstanceName"), bool("IsSandbox"), dt("TrialExpirationDate"), pick("OrganizationType"),
                pick("TimeZoneSidKey"), pick("LanguageLocaleKey"), pick("DefaultLocaleSidKey"), dt("CreatedDate"))));
        add(STANDARD, obj("User", "User", "005", false, List.of(
                id(), str("Username"), str("FirstName"), str("LastName"), str("Name"), str("Email"), bool("IsActive"),
                ref("ProfileId", "Profile", "Profile"), pick("UserType"), dt("LastPasswordChangeDate"), dt("LastLoginDate"),
                pick("TimeZoneSidKey"), dt("CreatedDate"))));
        add(STANDARD, obj("UserLogin", "User Login", "060", false, List.of(
                id(), ref("UserId", "User", null), bool("IsFrozen"), bool("IsPasswordLocked"), dt("LastModifiedDate"))));
        List<FieldDef> lh = new ArrayList<>();
        for (FieldDef f : List.of(id(), ref("UserId", "User", null), dt("LoginTime"), str("Status"), str("SourceIp"), pick("LoginType"),
                pick("LoginSubType"), str("LoginUrl"), pick("ApiType"), str("ApiVersion"), str("Application"), str("Browser"),
                str("Platform"), str("ClientVersion"), pick("CountryIso"), pick("TlsProtocol"), pick("CipherSuite"),
                str("ForwardedForIp"), ref("AuthenticationServiceId", null, null), str("LoginGeoId"), str("NetworkId"),
                bool("OptionsIsGet"), bool("OptionsIsPost"))) {
            lh.add(new FieldDef(f.name(), f.type(), LOGIN_HISTORY_FILTERABLE.contains(f.name()), f.referenceTo(), f.relationshipName()));
        }
        add(STANDARD, obj("LoginHistory", "Login History", "0Ya", false, lh));
        add(STANDARD, obj("Profile", "Profile", "00e", false, withPermissions(List.of(
                id(), str("Name"), pick("UserType"), str("Description")))));
        add(STANDARD, obj("PermissionSet", "Permission Set", "0PS", false, withPermissions(List.of(
                id(), str("Name"), str("Label"), bool("IsOwnedByProfile"), ref("ProfileId", "Profile", "Profile")))));
        add(STANDARD, obj("PermissionSetAssignment", "Permission Set Assignment", "0Pa", false, List.of(
                id(), ref("AssigneeId", "User", "Assignee"), ref("PermissionSetId", "PermissionSet", "PermissionSet"))));
        // LoginIpRange's real field names are unconfirmed
        // (docs/salesforce-wire-facts.md#login-ip-ranges-and-login-hours): StartAddress/EndAddress are one of
        // two guesses.
        add(STANDARD, obj("LoginIpRange", "Login IP Range", "0Lr", false, List.of(
                id(), ref("ProfileId", "Profile", "Profile"), str("StartAddress"), str("EndAddress"), str("Description"))));

        // ConnectedApplication: Object Reference fields, all read-only; External Client Apps are not rows here.
        add(STANDARD, obj("ConnectedApplication", "Connected App", "0H4", false, List.of(
                id(), str("Name"), bool("OptionsAllowAdminApprovedUsersOnly"), bool("OptionsRefreshTokenValidityMetric"),
                integer("RefreshTokenValidityPeriod"), str("StartUrl"), pick("MobileSessionTimeout"))));

        add(TOOLING, obj("Profile", "Profile", "00e", true, List.of(id(), str("Name"), str("FullName"), complex("Metadata"))));
        // Unconfirmed: whether the Tooling API serves MyDomainSettings as it serves SecuritySettings (the Metadata API type exists from v47.0).
        add(TOOLING, obj("MyDomainSettings", "My Domain Settings", "0Md", true, List.of(id(), str("DurableId"), str("FullName"), complex("Metadata"))));
        add(TOOLING, obj("SecuritySettings", "Security Settings", "0Ss", true, List.of(id(), str("DurableId"), str("FullName"), complex("Metadata"))));
    }

    private SObjectSchema() {
    }

    static Optional<ObjectDef> object(String name, boolean tooling) {
        return Optional.ofNullable((tooling ? TOOLING : STANDARD).get(name.toLowerCase(Locale.ROOT)));
    }

    private static void add(Map<String, ObjectDef> map, ObjectDef def) {
        map.put(def.name().toLowerCase(Locale.ROOT), def);
    }

    private static ObjectDef obj(String name, String label, String prefix, boolean tooling, List<FieldDef> fields) {
        return new ObjectDef(name, label, prefix, tooling, List.copyOf(fields));
    }

    private static List<FieldDef> withPermissions(List<FieldDef> base) {
        List<FieldDef> all = new ArrayList<>(base);
        for (String p : List.of("PermissionsApiEnabled", "PermissionsApiUserOnly", "PermissionsForceTwoFactor", "PermissionsTwoFactorApi",
                "PermissionsBypassMFAForUiLogins", "PermissionsManageUsers", "PermissionsViewSetup",
                // Unconfirmed: in a real org IsSsoEnabled exists only where delegated authentication is on; the sim always has it.
                "PermissionsIsSsoEnabled", "PermissionsPasswordNeverExpires")) {
            all.add(bool(p));
        }
        return all;
    }

    private static FieldDef id() {
        return new FieldDef("Id", "id", true, null, null);
    }

    private static FieldDef str(String name) {
        return new FieldDef(name, "string", true, null, null);
    }

    private static FieldDef pick(String name) {
        return new FieldDef(name, "picklist", true, null, null);
    }

    private static FieldDef bool(String name) {
        return new FieldDef(name, "boolean", true, null, null);
    }

    private static FieldDef integer(String name) {
        return new FieldDef(name, "int", true, null, null);
    }

    private static FieldDef dt(String name) {
        return new FieldDef(name, "datetime", true, null, null);
    }

    private static FieldDef complex(String name) {
        return new FieldDef(name, "complexvalue", false, null, null);
    }

    private static FieldDef ref(String name, String target, String relationship) {
        return new FieldDef(name, "reference", true, target, relationship);
    }
}
