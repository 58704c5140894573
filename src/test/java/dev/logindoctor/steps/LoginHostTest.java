package dev.logindoctor.steps;

import dev.logindoctor.model.OrgInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginHostTest {
    private static final OrgInfo PRODUCTION = new OrgInfo("00D", "Acme", "NA123", false, null, "Enterprise Edition", "UTC");
    private static final OrgInfo SANDBOX = new OrgInfo("00D", "Acme UAT", "CS42", true, null, "Enterprise Edition", "UTC");
    private static final OrgInfo SCRATCH = new OrgInfo("00D", "Scratch", "CS99", true, java.time.Instant.parse("2026-12-01T00:00:00Z"), "Developer Edition", "UTC");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "https://login.salesforce.com, PRODUCTION_GENERIC, PRODUCTION",
            "https://LOGIN.Salesforce.com/services/Soap/u/62.0, PRODUCTION_GENERIC, PRODUCTION",
            "https://test.salesforce.com, SANDBOX_GENERIC, SANDBOX_OR_SCRATCH",
            "https://acme.my.salesforce.com, MY_DOMAIN_PRODUCTION, PRODUCTION",
            "https://acme--uat.sandbox.my.salesforce.com, MY_DOMAIN_SANDBOX, SANDBOX",
            "https://acme--uat.my.salesforce.com, MY_DOMAIN_SANDBOX, SANDBOX",
            "https://power-fun-1234-dev-ed.scratch.my.salesforce.com, MY_DOMAIN_SCRATCH, SCRATCH",
            "https://acme.lightning.force.com, LIGHTNING, PRODUCTION",
            "https://acme--uat.sandbox.lightning.force.com, LIGHTNING, SANDBOX",
            "https://acme--c.vf.force.com, FORCE_COM, UNKNOWN",
            "https://acme--c.visualforce.com, FORCE_COM, UNKNOWN",
            "http://127.0.0.1:8443, LOOPBACK, UNKNOWN",
            "http://localhost:9000, LOOPBACK, UNKNOWN",
            "https://na42.salesforce.com, OTHER, UNKNOWN",
    })
    void classifiesTheHost(String url, LoginHost.Kind kind, LoginHost.Environment environment) {
        LoginHost host = LoginHost.of(url);
        assertEquals(kind, host.kind());
        assertEquals(environment, host.environment());
    }

    @Test
    void saysWhichOrgsAHostReaches() {
        assertTrue(LoginHost.of("https://login.salesforce.com").reaches(PRODUCTION));
        assertFalse(LoginHost.of("https://login.salesforce.com").reaches(SANDBOX));
        assertTrue(LoginHost.of("https://test.salesforce.com").reaches(SANDBOX));
        assertTrue(LoginHost.of("https://test.salesforce.com").reaches(SCRATCH));
        assertFalse(LoginHost.of("https://acme--uat.sandbox.my.salesforce.com").reaches(SCRATCH));
        assertNull(LoginHost.of("http://127.0.0.1:8443").reaches(PRODUCTION), "the simulator's host says nothing about the environment");
    }

    @Test
    void myDomainNameIsTheFirstLabel() {
        assertEquals("acme", LoginHost.of("https://ACME.my.salesforce.com").myDomainName());
        assertEquals("acme--uat", LoginHost.of("https://acme--uat.sandbox.my.salesforce.com").myDomainName());
        assertNull(LoginHost.of("https://login.salesforce.com").myDomainName());
    }

    @Test
    void readsTheSoapApiVersion() {
        assertEquals("65.0", LoginHost.of("https://acme.my.salesforce.com/services/Soap/u/65.0").soapApiVersion().orElseThrow().toString());
        assertTrue(LoginHost.of("https://acme.my.salesforce.com/services/Soap/c/65.0").soapApiVersion().orElseThrow().above(64));
        assertFalse(LoginHost.of("https://acme.my.salesforce.com/services/Soap/u/64.0").soapApiVersion().orElseThrow().above(64));
        assertTrue(LoginHost.of("https://acme.my.salesforce.com").soapApiVersion().isEmpty());
    }

    @Test
    void sameEndpointComparesHostAndPort() {
        assertTrue(LoginHost.of("https://Acme.My.Salesforce.com/services/oauth2/token").sameEndpoint(LoginHost.of("https://acme.my.salesforce.com")));
        assertFalse(LoginHost.of("http://127.0.0.1:8443").sameEndpoint(LoginHost.of("http://127.0.0.1:9443")));
        assertEquals(LoginHost.Kind.UNPARSABLE, LoginHost.of("not a url at all").kind());
    }
}
