package dev.logindoctor.cli;

import dev.logindoctor.aws.DynamoDbDiagnosisStore;
import dev.logindoctor.aws.DynamoDbIntegrationRegistry;
import dev.logindoctor.engine.EvidenceSources;
import dev.logindoctor.engine.SecretResolver;
import dev.logindoctor.probe.IntegrationRegistry;
import dev.logindoctor.salesforce.InsecureEndpoint;
import dev.logindoctor.salesforce.SalesforceEvidenceSources;
import dev.logindoctor.salesforce.TrustClient;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * What the commands are built from: the real Salesforce clients, AWS tables, clock and environment
 * on a laptop; the tests pass the simulator's, moto's and a temporary HOME instead.
 *
 * @param evidenceSources the org and Trust clients for a diagnosis
 * @param clock           the clock diagnoses and probes run on
 * @param registryTables  the integration registry in a DynamoDB table, by table name
 * @param diagnosisTables the diagnoses in a DynamoDB table, by table name
 * @param env             the environment (HOME, LOGIN_DOCTOR_HOME, LOGIN_DOCTOR_TRUST_URL)
 */
record Wiring(EvidenceSourcesFactory evidenceSources, Clock clock, Function<String, IntegrationRegistry> registryTables,
              Function<String, DynamoDbDiagnosisStore> diagnosisTables, Map<String, String> env) {

    static Wiring real() {
        return new Wiring(SalesforceEvidenceSources::new, Clock.systemUTC(), DynamoDbIntegrationRegistry::forTable,
                DynamoDbDiagnosisStore::forTable, System.getenv());
    }

    Wiring withClock(Clock other) {
        return new Wiring(evidenceSources, other, registryTables, diagnosisTables, env);
    }

    Wiring withEnv(Map<String, String> other) {
        return new Wiring(evidenceSources, clock, registryTables, diagnosisTables, other);
    }

    Wiring withEvidenceSources(EvidenceSourcesFactory other) {
        return new Wiring(other, clock, registryTables, diagnosisTables, env);
    }

    Wiring withTables(Function<String, IntegrationRegistry> registries, Function<String, DynamoDbDiagnosisStore> diagnoses) {
        return new Wiring(evidenceSources, clock, registries, diagnoses, env);
    }

    /** The local diagnoses store: --store FILE, else $LOGIN_DOCTOR_HOME/diagnoses.jsonl, else $HOME/.login-doctor/. */
    LocalDiagnosisStore store(String file) {
        return LocalDiagnosisStore.at(file, env);
    }

    /** --trust-url, else $LOGIN_DOCTOR_TRUST_URL, else Salesforce's; refused (exit 2) unless https or loopback. */
    String trustUrl(String option) {
        String fromEnv = env.get("LOGIN_DOCTOR_TRUST_URL");
        String url = option != null ? option : fromEnv == null || fromEnv.isBlank() ? DiagnoseCommand.DEFAULT_TRUST_URL : fromEnv;
        try {
            return TrustClient.checkBaseUrl(url);
        } catch (InsecureEndpoint e) {
            throw new UsageError("--trust-url: " + e.getMessage());
        }
    }

    /** Builds the evidence sources for a run; the tests and the demo pass their own. */
    @FunctionalInterface
    interface EvidenceSourcesFactory {
        EvidenceSources create(SecretResolver secrets, String trustUrl);
    }
}
