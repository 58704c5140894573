package dev.logindoctor.cli;

import dev.logindoctor.engine.ReportFuzzInputs;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.salesforce.DiagnosticsCredentials;
import dev.logindoctor.salesforce.IntegrationCredentials;
import dev.logindoctor.salesforce.UnusableCredentials;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated --secrets files: each loads or is refused naming --secrets; each secret in a loaded file
 * becomes diagnostics or integration credentials or a clean {@link UnusableCredentials} — never another
 * exception — and no refusal quotes a value from the file.
 */
class SecretsFileFuzzTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("secrets-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> files() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.of("https://login.salesforce.com", "http://10.0.0.1", "file:///etc/passwd", "https://u:" + ReportFuzzInputs.CANARY
                        + "@x.example", "not a url", ""),
                Arbitraries.just("-----BEGIN PRIVATE KEY-----\n" + ReportFuzzInputs.CANARY + "\n-----END PRIVATE KEY-----"));
        Arbitrary<String> document = Combinators.combine(value, value, value, Arbitraries.of("privateKey", "password", "securityToken",
                "refreshToken", "clientSecret", "x")).as((url, user, secret, secretField) ->
                "{\"loginUrl\":" + json(url) + ",\"username\":" + json(user) + ",\"clientId\":\"3MVG9\",\"" + secretField + "\":"
                        + json(secret + ReportFuzzInputs.CANARY) + "}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, document.map(d -> "{\"login-doctor/diagnostics\":" + d + "}")),
                net.jqwik.api.Tuple.of(4, document.map(d -> "{\"login-doctor/diagnostics\":" + json(d) + "}")),
                net.jqwik.api.Tuple.of(1, ReportFuzzInputs.tokenSoup()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200).map(s -> s + ReportFuzzInputs.CANARY)));
    }

    @Property(tries = 1000, seed = "20261203")
    void everySecretsFileLoadsOrIsRefusedAndEverySecretParsesOrIsUnusable(@ForAll("files") String content) throws IOException {
        // Lossy on purpose: a lone surrogate becomes '?', as an editor would save it.
        Path file = Files.write(dir.resolve("secrets.json"), content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        FileSecretResolver resolver;
        try {
            resolver = FileSecretResolver.load(file);
        } catch (UsageError refused) {
            assertTrue(refused.getMessage().startsWith("--secrets"), refused.getMessage());
            assertFalse(refused.getMessage().contains(ReportFuzzInputs.CANARY), refused.getMessage());
            Statistics.label("file").collect("refused");
            return;
        }
        Statistics.label("file").collect("loaded");
        String value;
        try {
            value = resolver.secretValue("login-doctor/diagnostics");
        } catch (SecretResolver.SecretUnavailable missing) {
            assertFalse(missing.getMessage().contains(ReportFuzzInputs.CANARY));
            return;
        }
        Statistics.label("diagnostics secret").collect(outcome(() -> DiagnosticsCredentials.parse(value)));
        Statistics.label("integration secret").collect(outcome(() -> IntegrationCredentials.parse(value)));
    }

    private static String outcome(Runnable parse) {
        try {
            parse.run();
            return "usable";
        } catch (UnusableCredentials e) {
            assertFalse(e.getMessage().contains(ReportFuzzInputs.CANARY), e.getMessage());
            return "unusable";
        }
    }

    private static String json(String s) {
        return "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }
}
