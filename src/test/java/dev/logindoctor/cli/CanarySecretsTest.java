package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.model.Cause;
import dev.logindoctor.sim.CanaryScenario;
import dev.logindoctor.sim.Leaks;
import dev.logindoctor.sim.TransportFault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Canary secrets through `diagnose`: the integration's password, security token and client secret,
 * the diagnostics client id and private key, and every session token the org hands out are
 * canaries; with the org answering right, failing, or echoing the session in its errors, none of them
 * reaches stdout, stderr or the store, in any encoding. (The state machine path on moto:
 * {@code aws.CanarySecretsOnTheStateMachineTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanarySecretsTest {
    @TempDir
    static Path shared;

    private final FaultRuns runs = new FaultRuns("CanarySecretsTest");
    private ProxiedOrg org;

    @BeforeAll
    void start() {
        org = ProxiedOrg.start(CanaryScenario.write(shared), shared);
    }

    @AfterAll
    void stop() {
        org.close();
        System.out.println(runs.summary());
    }

    @Test
    void theCanariesAreWhereADiagnosisReadsThemAndTheDetectorFindsThemInEveryForm() throws Exception {
        String secrets = Files.readString(org.secrets);
        for (String canary : CanaryScenario.VALUES) {
            assertTrue(secrets.contains(canary), "the secrets file holds " + canary);
            assertNotNull(Leaks.find("a test", "x " + URLEncoder.encode(canary, StandardCharsets.UTF_8).toUpperCase() + " y", List.of()));
        }
        org.proxy.clear();
        assertEquals(Cause.WRONG_PASSWORD, runs.check(org, "canaries / no fault", shared.resolve("first"), false));
        assertFalse(org.proxy.sessionTokens().isEmpty());
        assertTrue(org.proxy.sessionTokens().stream().allMatch(t -> t.contains(ProxiedOrg.SESSION_CANARY)), "the client got only canary sessions");
        assertNull(Leaks.find("a test", "nothing secret here: [redacted]", org.heldSecrets));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"UNAUTHORIZED_401, COMPOSITE", "UNAUTHORIZED_401, TOKEN", "HTML_500, COMPOSITE", "INVALID_JSON, TOKEN",
            "INVALID_JSON, COMPOSITE", "TRUNCATED_BODY, TOKEN", "UNAUTHORIZED_401, TRUST"})
    void anOrgThatFailsOrEchoesWhatItWasSentLeaksNoCanary(TransportFault fault, TransportFault.Target target, @TempDir Path home) {
        org.proxy.clear();
        org.proxy.inject(fault, target);
        runs.check(org, "canaries / " + fault + " on " + target, home, target != TransportFault.Target.TRUST);
    }

    @Test
    void aFailedSubRequestEchoingTheSessionInEveryEncodingLeavesNoTrace(@TempDir Path home) {
        org.proxy.clear();
        org.proxy.rewriteComposite(root -> {
            List<String> handedOut = org.proxy.sessionTokens();
            String session = handedOut.get(handedOut.size() - 1);
            for (JsonNode sub : root.path("compositeResponse")) {
                if (sub.path("referenceId").asText().equals("userLogin")) {
                    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
                    ((ObjectNode) sub).put("httpStatusCode", 500).set("body", nodes.arrayNode().add(nodes.objectNode()
                            .put("errorCode", "UNKNOWN_EXCEPTION").put("message", "session " + session + " / "
                                    + URLEncoder.encode(session, StandardCharsets.UTF_8) + " / " + session.toLowerCase())));
                }
            }
            return root;
        });
        runs.check(org, "canaries / userLogin 500 echoing the session", home, false);
    }

    @Test
    void theTextAPersonReadsCarriesNoCanaryEither(@TempDir Path home) throws Exception {
        org.proxy.clear();
        org.proxy.inject(TransportFault.UNAUTHORIZED_401, TransportFault.Target.COMPOSITE);
        Cli.Run r = org.diagnose(home, home.resolve("store.jsonl"), false);
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.out().contains("UNDETERMINED"), r.out());
        List<String> secrets = new ArrayList<>(org.heldSecrets);
        secrets.addAll(org.proxy.sessionTokens());
        assertNull(Leaks.find("stdout", r.out(), secrets));
        assertNull(Leaks.find("stderr", r.err(), secrets));
        assertNull(Leaks.find("the store", Files.readString(home.resolve("store.jsonl")), secrets));
    }
}
