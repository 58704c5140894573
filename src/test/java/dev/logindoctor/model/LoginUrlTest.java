package dev.logindoctor.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login URLs as integrations, admins and orgs really write them. */
class LoginUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # written                                                     | origin                                         | port | My Domain  | path
            https://login.salesforce.com                                  | https://login.salesforce.com                   | 443  | -          | ''
            https://login.salesforce.com/                                 | https://login.salesforce.com                   | 443  | -          | /
            HTTPS://Login.Salesforce.COM                                  | https://login.salesforce.com                   | 443  | -          | ''
            '  https://test.salesforce.com  '                             | https://test.salesforce.com                    | 443  | -          | ''
            https://acme.my.salesforce.com:443                            | https://acme.my.salesforce.com:443             | 443  | acme       | ''
            https://ACME.my.salesforce.com/services/Soap/u/62.0           | https://acme.my.salesforce.com                 | 443  | acme       | /services/Soap/u/62.0
            https://acme--uat.sandbox.my.salesforce.com/                  | https://acme--uat.sandbox.my.salesforce.com    | 443  | acme--uat  | /
            https://acme--uat.my.salesforce.com                           | https://acme--uat.my.salesforce.com            | 443  | acme--uat  | ''
            https://power-ruby-1234-dev-ed.scratch.my.salesforce.com      | https://power-ruby-1234-dev-ed.scratch.my.salesforce.com | 443 | power-ruby-1234-dev-ed | ''
            https://acme.lightning.force.com/lightning/page/home          | https://acme.lightning.force.com               | 443  | acme       | /lightning/page/home
            https://acme.my.site.com/partners/login                       | https://acme.my.site.com                       | 443  | -          | /partners/login
            https://acme.my.salesforce.com.                               | https://acme.my.salesforce.com                 | 443  | acme       | ''
            https://acme.my.salesforce.com:8443/                          | https://acme.my.salesforce.com:8443            | 8443 | acme       | /
            http://127.0.0.1:8443                                         | http://127.0.0.1:8443                          | 8443 | -          | ''
            http://localhost                                              | http://localhost                               | 80   | -          | ''
            http://[::1]:9000/services/oauth2/token                       | http://[::1]:9000                              | 9000 | -          | /services/oauth2/token
            """)
    void aUsableUrlParsesToItsOriginPortAliasAndPath(String written, String origin, int port, String myDomain, String path) {
        LoginUrl url = LoginUrl.parse(written);
        assertEquals(origin, url.origin());
        assertEquals(port, url.effectivePort());
        assertEquals(myDomain, url.myDomainAlias());
        assertEquals(path, url.path());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http://acme.my.salesforce.com          | must use https://
            http://10.0.0.5                        | must use https://
            http://127.evil.example                | must use https://
            ftp://login.salesforce.com             | must be an https:// URL
            acme.my.salesforce.com                 | must be an https:// URL
            https://                               | is not a URL
            https://user:pw@login.salesforce.com   | must not carry credentials
            'https://acme.my.salesforce.com/a b'   | is not a URL
            """)
    void anUnusableUrlIsRefusedSayingWhyWithoutEchoingIt(String written, String reason) {
        LoginUrl.Invalid e = assertThrows(LoginUrl.Invalid.class, () -> LoginUrl.parse(written));
        assertTrue(e.getMessage().startsWith(reason), e.getMessage());
        assertFalse(e.getMessage().contains("pw"), "no credential in the message");
    }

    @Test
    void aMissingUrlIsRequired() {
        assertTrue(assertThrows(LoginUrl.Invalid.class, () -> LoginUrl.parse(" ")).getMessage().startsWith("is required"));
        assertTrue(assertThrows(LoginUrl.Invalid.class, () -> LoginUrl.parse(null)).getMessage().startsWith("is required"));
    }

    @Test
    void readLenientlyABareHostIsHttpsAndTextWithoutAHostIsNothing() {
        LoginUrl bare = LoginUrl.lenient("Acme.My.Salesforce.com").orElseThrow();
        assertEquals("https://acme.my.salesforce.com", bare.origin());
        assertEquals("acme", bare.myDomainAlias());
        assertEquals("http://10.0.0.5", LoginUrl.lenient("http://10.0.0.5").orElseThrow().origin(), "classifying is not connecting");
        assertTrue(LoginUrl.lenient("").isEmpty());
        assertTrue(LoginUrl.lenient(null).isEmpty());
        assertTrue(LoginUrl.lenient("https://").isEmpty());
    }

    @Test
    void loopbackIsTheLiteralNameOnly() {
        for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
            assertTrue(LoginUrl.isLoopbackHost(host), host);
        }
        for (String host : new String[] {"127.evil.example", "localhost.example.com", "10.0.0.1", "::2", "128.0.0.1", ""}) {
            assertFalse(LoginUrl.isLoopbackHost(host), host);
        }
        assertFalse(LoginUrl.isLoopbackHost(null));
        assertNull(LoginUrl.parse("https://login.salesforce.com").myDomainAlias());
    }
}
