package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.json.Json;
import dev.logindoctor.probe.FileIntegrationRegistry;
import dev.logindoctor.probe.IntegrationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `integrations add|list|remove` on the local registry file, and --table routed to the table registry. */
class IntegrationsCommandTest {
    @TempDir
    Path dir;

    private final Map<String, IntegrationRegistry> tables = new ConcurrentHashMap<>();

    private Cli.Run cli(String... args) {
        return Cli.run(Cli.at(dir).withTables(name -> tables.computeIfAbsent(name,
                n -> new FileIntegrationRegistry(dir.resolve("table-" + n + ".json"))), name -> null), args);
    }

    private String store() {
        return dir.resolve("diagnoses.jsonl").toString();
    }

    @Test
    void addListAndRemoveAnIntegration() throws IOException {
        Cli.Run added = cli("integrations", "add", "--id", "billing-sync", "--login-url", "https://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "soap", "--credential-secret", "login-doctor/billing-sync",
                "--diagnostics-secret", "login-doctor/diagnostics", "--instance", "na224", "--store", store());
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().startsWith("registered billing-sync"), added.out());

        JsonNode items = Json.MAPPER.readTree(Files.readString(dir.resolve("integrations.json"))).get("items");
        assertEquals(1, items.size());
        assertEquals("INTEGRATION#billing-sync", items.get(0).get("pk").asText());
        assertEquals("CONFIG", items.get(0).get("sk").asText());
        assertEquals("SOAP", items.get(0).get("flow").asText());
        assertEquals("NA224", items.get(0).get("instance").asText());

        assertTrue(cli("integrations", "add", "--id", "billing-sync", "--login-url", "https://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "SOAP", "--credential-secret", "login-doctor/billing-sync",
                "--disabled", "--store", store()).out().startsWith("updated billing-sync"));

        Cli.Run list = cli("integrations", "list", "--store", store());
        assertTrue(list.out().contains("billing-sync") && list.out().contains("billing.sync@acme.com"), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("billing-sync") && l.contains(" no ")), "shown disabled: " + list.out());

        assertEquals(0, cli("integrations", "remove", "--id", "billing-sync", "--store", store()).exit());
        assertEquals(1, cli("integrations", "remove", "--id", "billing-sync", "--store", store()).exit());
        assertTrue(cli("integrations", "list", "--store", store()).out().startsWith("no integrations registered"));
    }

    @Test
    void aBadRegistrationIsRefusedNamingTheFieldAndStoresNothing() {
        Cli.Run http = cli("integrations", "add", "--id", "billing-sync", "--login-url", "http://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "SOAP", "--credential-secret", "login-doctor/billing-sync", "--store", store());
        assertEquals(LoginDoctor.EXIT_USAGE, http.exit());
        assertTrue(http.err().contains("loginUrl") && http.err().contains("https://"), http.err());

        Cli.Run flow = cli("integrations", "add", "--id", "billing-sync", "--login-url", "https://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "OAUTH_WEB_SERVER", "--credential-secret", "login-doctor/billing-sync",
                "--store", store());
        assertEquals(LoginDoctor.EXIT_USAGE, flow.exit());
        assertTrue(flow.err().contains("flow"), flow.err());

        Cli.Run noSecret = cli("integrations", "add", "--id", "billing-sync", "--login-url", "https://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "SOAP", "--store", store());
        assertEquals(LoginDoctor.EXIT_USAGE, noSecret.exit());
        assertTrue(noSecret.err().contains("--credential-secret"), noSecret.err());

        Cli.Run password = cli("integrations", "add", "--password", "Hunter2!", "--store", store());
        assertEquals(LoginDoctor.EXIT_USAGE, password.exit(), "a credential is never an option");
        assertFalse(password.err().contains("Hunter2!"));
        assertFalse(Files.exists(dir.resolve("integrations.json")));
    }

    @Test
    void theTableOptionUsesTheTableRegistryAndRefusesAStoreBesideIt() {
        assertEquals(0, cli("integrations", "add", "--id", "billing-sync", "--login-url", "https://acme.my.salesforce.com",
                "--username", "billing.sync@acme.com", "--flow", "OAUTH_JWT", "--credential-secret", "login-doctor/billing-sync",
                "--table", "login-doctor-prod").exit());
        assertEquals(1, tables.get("login-doctor-prod").list().size());
        assertFalse(Files.exists(dir.resolve("integrations.json")), "nothing written locally");
        assertTrue(cli("integrations", "list", "--table", "login-doctor-prod").out().contains("OAUTH_JWT"));
        assertEquals(LoginDoctor.EXIT_USAGE, cli("integrations", "list", "--table", "t", "--store", store()).exit());
    }
}
