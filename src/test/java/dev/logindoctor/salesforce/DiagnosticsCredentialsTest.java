package dev.logindoctor.salesforce;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The diagnostics secret {"loginUrl","username","clientId","privateKey"} and its clear refusals. */
class DiagnosticsCredentialsTest {

    static String secret(String loginUrl, String privateKey) {
        return "{\"loginUrl\":" + q(loginUrl) + ",\"username\":\"diag@acme.com\",\"clientId\":\"3MVG9consumerKey\",\"privateKey\":"
                + q(privateKey) + "}";
    }

    private static String q(String s) {
        try {
            return WireJson.MAPPER.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String refusal(String json) {
        UnusableCredentials e = assertThrows(UnusableCredentials.class, () -> DiagnosticsCredentials.parse(json));
        KnownSecrets.assertAbsent("refusal", e);
        return e.getMessage();
    }

    @Test
    void parsesThePkcs8KeyAndNormalizesTheLoginUrl() {
        DiagnosticsCredentials c = DiagnosticsCredentials.parse(secret("https://Acme.my.salesforce.com/services/oauth2/token",
                KnownSecrets.PRIVATE_KEY_PEM));
        assertEquals("https://acme.my.salesforce.com", c.loginUrl());
        assertEquals("diag@acme.com", c.username());
        assertEquals("3MVG9consumerKey", c.clientId());
        assertEquals(KnownSecrets.KEYS.getPrivate(), c.privateKey());
    }

    @Test
    void toleratesEscapedNewlinesFromAConsolePaste() {
        String flattened = KnownSecrets.PRIVATE_KEY_PEM.replace("\n", "\\n");
        assertEquals(KnownSecrets.KEYS.getPrivate(), DiagnosticsCredentials.parse(secret("https://login.salesforce.com", flattened)).privateKey());
    }

    @Test
    void toStringRedactsTheKey() {
        DiagnosticsCredentials c = DiagnosticsCredentials.parse(secret("https://login.salesforce.com", KnownSecrets.PRIVATE_KEY_PEM));
        assertEquals("DiagnosticsCredentials[loginUrl=https://login.salesforce.com, username=diag@acme.com, "
                + "clientId=3MVG9consumerKey, privateKey=[redacted]]", c.toString());
        KnownSecrets.assertAbsent("toString", c.toString());
    }

    @Test
    void aPkcs1KeySaysHowToConvertIt() {
        String pkcs1 = KnownSecrets.PRIVATE_KEY_PEM.replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").replace("END PRIVATE KEY", "END RSA PRIVATE KEY");
        assertEquals("the diagnostics secret's privateKey is a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with "
                + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem' and store that", refusal(secret("https://login.salesforce.com", pkcs1)));
    }

    @Test
    void otherKeyShapesAreRefusedClearly() {
        String login = "https://login.salesforce.com";
        assertTrue(refusal(secret(login, KnownSecrets.PRIVATE_KEY_PEM.replace("BEGIN PRIVATE", "BEGIN ENCRYPTED PRIVATE")))
                .contains("encrypted PKCS#8 key"));
        assertTrue(refusal(secret(login, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")).contains("certificate or public key"));
        assertTrue(refusal(secret(login, "just some text")).contains("is not a PEM private key"));
        assertTrue(refusal(secret(login, "-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----")).contains("not valid base64"));
        assertTrue(refusal(secret(login, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")).contains("not an RSA key in PKCS#8 form"));
    }

    @Test
    void missingFieldsAndBadUrlsAreNamed() {
        assertEquals("the diagnostics secret has no clientId (expected {\"loginUrl\",\"username\",\"clientId\",\"privateKey\"})",
                refusal("{\"loginUrl\":\"https://login.salesforce.com\",\"username\":\"d@a.com\",\"privateKey\":\"x\"}"));
        assertTrue(refusal("not json " + KnownSecrets.PRIVATE_KEY_PEM).startsWith("the diagnostics secret is not JSON"));
        assertTrue(refusal("[1]").contains("must be a JSON object"));
        String http = refusal(secret("http://acme.my.salesforce.com", KnownSecrets.PRIVATE_KEY_PEM));
        assertTrue(http.startsWith("the diagnostics secret's loginUrl must use https://"), http);
        assertFalse(refusal(secret("nota url at all", KnownSecrets.PRIVATE_KEY_PEM)).isBlank());
    }
}
