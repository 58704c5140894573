package dev.logindoctor.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginHistoryRow;
import dev.logindoctor.model.LoginHours;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.ReportedError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.logindoctor.salesforce.ContractServer.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The org evidence composite against reconstructed org answers: every part mapped, every failure a gap. */
class OrgEvidenceReaderTest {
    static final String COMPOSITE = "/services/data/v62.0/composite";
    static final Instant FAILED_AT = Instant.parse("2026-11-27T10:15:00Z");

    private final ContractServer server = new ContractServer();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:20:00Z"), ZoneOffset.UTC);
    private final TokenCache cache = new TokenCache();

    @AfterEach
    void stop() {
        server.close();
    }

    static FailureReport report(String username) {
        return new FailureReport("billing-sync", "https://acme.my.salesforce.com", username, LoginFlow.SOAP,
                new ReportedError("INVALID_LOGIN", "Invalid username, password, security token; or user locked out."),
                FAILED_AT, "203.0.113.7", Instant.parse("2026-10-01T00:00:00Z"), "login-doctor/billing-sync", "login-doctor/diagnostics");
    }

    private OrgEvidence read(String fixtureName, String username) {
        server.on("POST", "/services/oauth2/token", fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl()));
        server.on("POST", COMPOSITE, fixture(200, fixtureName));
        DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM));
        DiagnosticsConnection connection = new DiagnosticsConnection(credentials, new HttpTransport(), cache, clock);
        return new OrgEvidenceReader(connection, clock).read(report(username));
    }

    /** The documented table, referenceId → "METHOD /url", with {U}/{FROM}/{TO} filled in. */
    static Map<String, String> documentedRequests(String username, String baseUsername) throws Exception {
        String doc = Files.readString(Path.of("docs/org-evidence-queries.md"));
        Map<String, String> expected = new LinkedHashMap<>();
        String userUrl = null;
        for (String line : doc.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cols = line.split(" \\| ");
            String ref = cols[0].substring(3, cols[0].indexOf('`', 3));
            String call = cols[1].strip();
            if (ref.equals("baseUser")) {
                if (baseUsername != null) {
                    expected.put(ref, userUrl.replace("'" + OrgEvidenceRequest.soqlString(username) + "'", "'" + baseUsername + "'"));
                }
                continue;
            }
            call = call.substring(1, call.length() - 1)
                    .replace("{U}", OrgEvidenceRequest.soqlString(username))
                    .replace("{FROM}", "2026-11-27T09:15:00Z").replace("{TO}", "2026-11-27T10:20:00Z");
            String[] methodUrl = call.split(" ", 2);
            String full = methodUrl[0] + " /services/data/v62.0" + methodUrl[1];
            expected.put(ref, full);
            if (ref.equals("user")) {
                userUrl = full;
            }
        }
        return expected;
    }

    private Map<String, String> sentRequests() throws Exception {
        JsonNode sent = WireJson.MAPPER.readTree(server.requests().stream().filter(r -> r.path().equals(COMPOSITE)).findFirst().orElseThrow().body());
        assertFalse(sent.get("allOrNone").asBoolean());
        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode s : sent.get("compositeRequest")) {
            actual.put(s.get("referenceId").asText(), s.get("method").asText() + " " + URLDecoder.decode(s.get("url").asText(), StandardCharsets.UTF_8));
        }
        return actual;
    }

    @Test
    void theCompositeIsExactlyTheDocumentedRequest() throws Exception {
        read("composite-org-evidence-locked-user.json", "integration@acme.com");
        assertEquals(documentedRequests("integration@acme.com", null), sentRequests());
    }

    @Test
    void aSandboxSuffixedUsernameAlsoLooksUpTheBaseUserAndQuotesAreEscaped() throws Exception {
        read("composite-org-evidence-unknown-user.json", "o'neil@acme.com.uat");
        Map<String, String> expected = documentedRequests("o'neil@acme.com.uat", "o\\'neil@acme.com");
        assertEquals(expected, sentRequests());
        assertTrue(expected.get("user").contains("Username = 'o\\'neil@acme.com.uat'"), expected.get("user"));
        assertEquals(new ArrayList<>(expected.keySet()),
                List.of("org", "user", "baseUser", "userLogin", "history", "perms", "permsBypass", "permsSso", "permsPasswordNeverExpires",
                        "profileMeta", "ipRanges", "security",
                        "apps", "myDomain"));
    }

    @Test
    void baseUsernameOnlyStripsASuffixAfterTheEmailDomain() {
        assertEquals("a@acme.com", OrgEvidenceRequest.baseUsername("a@acme.com.uat"));
        assertEquals("a.b@acme.com", OrgEvidenceRequest.baseUsername("a.b@acme.com.dev1"));
        assertNull(OrgEvidenceRequest.baseUsername("a@acme.com"));
        assertNull(OrgEvidenceRequest.baseUsername("first.last@acme.com"));
    }

    @Test
    void aLockedOutUserIsReadCompletelyAndOnlyTheirRowsInTheWindowAreKept() {
        OrgEvidence e = read("composite-org-evidence-locked-user.json", "integration@acme.com");
        assertTrue(e.available());
        assertEquals(2, e.requests(), "one token request + one composite");
        assertEquals(server.baseUrl(), e.diagnosticsLoginUrl());

        assertEquals("NA224", e.organization().instanceName());
        assertFalse(e.organization().sandbox());
        assertEquals("America/Los_Angeles", e.organization().timeZone());

        assertEquals(Lookup.FOUND, e.userLookup());
        assertEquals("0055g00000InTeGAAV", e.user().id());
        assertEquals("Integration@Acme.com", e.user().username(), "the username matched case-insensitively");
        assertEquals("Integration Profile", e.user().profileName());
        assertEquals(Instant.parse("2026-09-01T12:00:00Z"), e.user().lastPasswordChangeDate());
        assertNull(e.baseUsernameUser());

        assertTrue(e.userLogin().passwordLocked(), "UserLogin with a 15-char UserId matches the 18-char user id");
        assertFalse(e.userLogin().frozen());

        List<LoginHistoryRow> h = e.loginHistory();
        assertEquals(List.of("Password Lockout", "invalid password", "Invalid Password"), h.stream().map(LoginHistoryRow::status).toList(),
                "newest first; another user's row and the row outside the window are dropped");
        assertEquals(Instant.parse("2026-11-27T10:14:58Z"), h.get(0).loginTime());
        assertEquals("SOAP Partner", h.get(0).apiType());
        assertEquals("0055g00000InTeG", h.get(2).userId(), "the row's own UserId, as Salesforce sent it");

        assertTrue(e.permissions().apiEnabled(), "from the profile's own permission set");
        assertTrue(e.permissions().apiOnlyUser(), "from an assigned permission set");
        assertFalse(e.permissions().mfaForUiLogins());
        assertNull(e.permissions().bypassMfaForUiLogins(), "the field is not in this org");
        assertEquals(List.of("profile Integration Profile", "permission set Integration API Only"), e.permissions().grantedBy());
        assertTrue(e.gap("permissions").contains("INVALID_FIELD"), e.gap("permissions"));

        assertEquals(List.of(new IpRange("203.0.113.0", "203.0.113.255", "Head office"), new IpRange("198.51.100.10", "198.51.100.50", "DR site")),
                e.ipRanges());
        LoginHours hours = e.loginHours();
        assertEquals("America/Los_Angeles", hours.timeZone());
        assertTrue(hours.days().contains(new LoginHours.DayWindow(DayOfWeek.MONDAY, 480, 1080)));
        assertTrue(hours.days().contains(new LoginHours.DayWindow(DayOfWeek.SATURDAY, 0, 0)), "start == end: no login that day");
        assertTrue(hours.days().stream().noneMatch(d -> d.day() == DayOfWeek.SUNDAY));
        assertTrue(hours.allows(Instant.parse("2026-11-27T17:15:00Z")), "Friday 09:15 in Los Angeles");
        assertFalse(hours.allows(Instant.parse("2026-11-28T18:00:00Z")), "Saturday: no login");

        assertEquals(10, e.settings().maxInvalidLoginAttempts());
        assertEquals(15, e.settings().lockoutMinutes());
    }

    @Test
    void aMissingUserIsNotFoundAndItsDependentPartsAreExpectedGaps() {
        OrgEvidence e = read("composite-org-evidence-unknown-user.json", "integration@acme.com.uat");
        assertEquals(Lookup.NOT_FOUND, e.userLookup());
        assertNull(e.user());
        assertEquals("integration@acme.com", e.baseUsernameUser().username());
        assertNull(e.userLogin());
        assertNull(e.loginHistory());
        assertNull(e.permissions());
        assertNull(e.ipRanges());
        for (String part : List.of("userLogin", "loginHistory", "permissions", "ipRanges", "loginHours")) {
            assertEquals("no user integration@acme.com.uat in this org", e.gap(part));
        }
        assertEquals(10, e.settings().maxInvalidLoginAttempts());
        assertNotNull(e.organization());
    }

    @Test
    void whenTheProfileMetadataFailsTheLoginIpRangeRowsOfTheProfileAreUsed() {
        OrgEvidence e = read("composite-org-evidence-profile-meta-failed.json", "integration@acme.com");
        assertEquals(List.of(new IpRange("198.51.100.1", "198.51.100.20", "VPN"), new IpRange("2001:db8::1", "2001:db8::ff", null)), e.ipRanges(),
                "lower-case FIELDS(ALL) names and a 15-char ProfileId; ParentId with Ip* names; another profile's range left out");
        assertNull(e.loginHours());
        assertTrue(e.gap("loginHours").contains("No such column 'Metadata' on entity 'Profile'"), e.gap("loginHours"));
        assertNull(e.organization());
        assertTrue(e.gap("organization").startsWith("the org subrequest failed: HTTP 403 INSUFFICIENT_ACCESS_OR_READONLY"), e.gap("organization"));
        assertNull(e.userLogin(), "IsFrozen \"true\" as a string is mistyped: a gap, never evidence");
        assertTrue(e.gap("userLogin").contains("IsFrozen"), e.gap("userLogin"));
        assertEquals(List.of(), e.loginHistory(), "no rows is evidence too: an empty list, not null");
        assertNull(e.permissions().mfaForUiLogins(), "a null permission field means unknown");
        assertTrue(e.permissions().bypassMfaForUiLogins(), "OR over the sets: MFA_Waiver grants it");
        assertTrue(e.permissions().grantedBy().contains("permission set MFA_Waiver"));
        assertNull(e.settings().maxInvalidLoginAttempts());
        assertTrue(e.gap("settings").contains("INVALID_TYPE"), e.gap("settings"));
    }

    @Test
    void aCachedTokenMakesItOneRequest() {
        read("composite-org-evidence-locked-user.json", "integration@acme.com");
        DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM));
        OrgEvidence again = new OrgEvidenceReader(new DiagnosticsConnection(credentials, new HttpTransport(), cache, clock), clock)
                .read(report("integration@acme.com"));
        assertEquals(1, again.requests());
    }

    @Test
    void aThrottledCompositeIsThrownForTheCallerToRetry() {
        server.on("POST", "/services/oauth2/token", fixture(200, "oauth-token-success.json", "https://acme.my.salesforce.com", server.baseUrl()));
        server.on("POST", COMPOSITE, fixture(403, "rest-error-403-request-limit.json"));
        DiagnosticsCredentials credentials = DiagnosticsCredentials.parse(DiagnosticsCredentialsTest.secret(server.baseUrl(), KnownSecrets.PRIVATE_KEY_PEM));
        assertThrows(Throttled.class, () -> new OrgEvidenceReader(new DiagnosticsConnection(credentials, new HttpTransport(), cache, clock), clock)
                .read(report("integration@acme.com")));
    }

    @Test
    void policyValuesMapToNumbers() {
        assertEquals(3, SecurityPolicyMapper.maxLoginAttempts("ThreeAttempts"));
        assertEquals(5, SecurityPolicyMapper.maxLoginAttempts("FiveAttempts"));
        assertEquals(10, SecurityPolicyMapper.maxLoginAttempts("tenattempts"));
        assertNull(SecurityPolicyMapper.maxLoginAttempts("NoLimit"));
        assertEquals(30, SecurityPolicyMapper.lockoutMinutes("ThirtyMinutes"));
        assertEquals(60, SecurityPolicyMapper.lockoutMinutes("SixtyMinutes"));
        assertEquals(0, SecurityPolicyMapper.lockoutMinutes("Forever"));
        assertNull(SecurityPolicyMapper.lockoutMinutes("Sometimes"));
        assertEquals(90, SecurityPolicyMapper.expirationDays("NinetyDays"));
        assertEquals(365, SecurityPolicyMapper.expirationDays("oneyear"));
        assertEquals(0, SecurityPolicyMapper.expirationDays("Never"));
        assertNull(SecurityPolicyMapper.expirationDays("Fortnightly"));
    }

    @Test
    void salesforceDatetimesParseInEveryForm() {
        Instant t = Instant.parse("2026-11-27T10:15:00Z");
        assertEquals(t, SObjectRow.parseInstant("2026-11-27T10:15:00.000+0000"));
        assertEquals(t, SObjectRow.parseInstant("2026-11-27T10:15:00Z"));
        assertEquals(t, SObjectRow.parseInstant("2026-11-27T10:15:00.000Z"));
        assertEquals(t, SObjectRow.parseInstant("2026-11-27T11:15:00+01:00"));
        assertEquals(t, SObjectRow.parseInstant("2026-11-27T02:15:00.000-0800"));
        assertNull(SObjectRow.parseInstant("yesterday"));
    }
}
