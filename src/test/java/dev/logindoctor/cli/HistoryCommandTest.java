package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.logindoctor.aws.AwsJsonApi;
import dev.logindoctor.aws.DiagnosisTable;
import dev.logindoctor.aws.DynamoDbDiagnosisStore;
import dev.logindoctor.aws.MotoServer;
import dev.logindoctor.json.Json;
import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `history` lists newest diagnosis first, showing the id and both times, from the local store or the
 * DynamoDB table (on moto); `demo` keeps its diagnoses out of it unless asked.
 */
@ExtendWith(MotoServer.class)
class HistoryCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path home;

    private final DynamoDbClient dynamoDb;

    private final MotoServer.Moto moto;

    HistoryCommandTest(MotoServer.Moto moto) {
        this.moto = moto;
        dynamoDb = moto.dynamoDb();
    }

    /** A failure at {@code failedAt}, diagnosed at {@code diagnosedAt}. */
    private static Diagnosis diagnosis(String id, String integration, Cause cause, Instant failedAt, Instant diagnosedAt) {
        return new Diagnosis(id, integration, "integration@acme.com", "https://acme.my.salesforce.com", LoginFlow.SOAP, failedAt, cause,
                "CheckLockout", List.of(Finding.confirmed("CheckLockout", cause, List.of("UserLogin.IsPasswordLocked = true"), "Unlock")),
                "Unlock", 2, 1200, diagnosedAt);
    }

    // Diagnosed in a different order than they failed: a late report of an old failure is the newest diagnosis.
    private static final List<Diagnosis> STORED = List.of(
            diagnosis("diag-old-failure-late-report", "billing-sync", Cause.USER_LOCKED_OUT, T0, T0.plus(Duration.ofHours(5))),
            diagnosis("diag-new-failure", "billing-sync", Cause.USER_FROZEN, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(2).plusMinutes(1))),
            diagnosis("diag-middle", "hr-feed", Cause.USER_LOCKED_OUT, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1).plusMinutes(1))));

    private static final List<String> NEWEST_DIAGNOSIS_FIRST = List.of("diag-old-failure-late-report", "diag-new-failure", "diag-middle");

    @Test
    void theLocalHistoryListsNewestDiagnosisFirstWithItsIdAndBothTimes() {
        LocalDiagnosisStore store = LocalDiagnosisStore.at(null, Map.of("HOME", home.toString()));
        STORED.forEach(store::append);

        Cli.Run r = Cli.run(Cli.at(home), "history");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).contains("newest diagnosis first"), lines.get(0));
        assertTrue(lines.get(1).startsWith("id") && lines.get(1).contains("diagnosed at") && lines.get(1).contains("failed at"), lines.get(1));
        assertEquals(NEWEST_DIAGNOSIS_FIRST, lines.subList(2, 5).stream().map(l -> l.split("\\s+")[0]).toList());
        assertTrue(lines.get(2).contains("2026-11-27T15:00:00Z") && lines.get(2).contains("2026-11-27T10:00:00Z"),
                "diagnosed at, then failed at: " + lines.get(2));
    }

    @Test
    void theTableIsReadWithTheSameOrderAndFilters() throws Exception {
        String table = "diagnoses-" + UUID.randomUUID();
        DiagnosisTable.create(dynamoDb, table);
        DynamoDbDiagnosisStore diagnoses = new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), table, Duration.ofDays(90));
        STORED.forEach(diagnoses::put);
        Wiring wiring = Cli.at(home).withTables(name -> null, name -> new DynamoDbDiagnosisStore(moto.api(AwsJsonApi.Service.DYNAMODB), name, Duration.ZERO));

        assertEquals(NEWEST_DIAGNOSIS_FIRST, ids(Cli.run(wiring, "history", "--table", table, "--json")));
        assertEquals(List.of("diag-old-failure-late-report", "diag-new-failure"),
                ids(Cli.run(wiring, "history", "--table", table, "--integration", "billing-sync", "--json")));
        assertEquals(List.of("diag-old-failure-late-report", "diag-middle"),
                ids(Cli.run(wiring, "history", "--table", table, "--cause", "user-locked-out", "--json")));
        assertTrue(Cli.run(wiring, "history", "--table", table).out().startsWith("3 diagnoses in DynamoDB table " + table));
        assertEquals(2, Cli.run(wiring, "history", "--table", table, "--store", "x.jsonl").exit(), "one history at a time");
    }

    @Test
    void theDemoLeavesTheHistoryUntouchedUnlessAskedToSaveIt() {
        Cli.Run demo = Cli.run(Cli.at(home), "demo", "--scenario", "user-locked-out");
        assertEquals(0, demo.exit(), demo.err());
        assertTrue(demo.out().contains("not kept in the history"), demo.out());
        assertTrue(!home.resolve(".login-doctor").toFile().exists(), "nothing written under $HOME/.login-doctor");

        Cli.Run saved = Cli.run(Cli.at(home), "demo", "--scenario", "user-locked-out", "--save");
        assertEquals(0, saved.exit(), saved.err());
        assertEquals(1, LocalDiagnosisStore.at(null, Map.of("HOME", home.toString())).readAll().size());
        assertEquals(2, Cli.run(Cli.at(home), "demo", "--store", "elsewhere.jsonl").exit(), "--store without --save is a mistake");
    }

    @Test
    void loginDoctorHomeWinsOverHome() {
        Path elsewhere = home.resolve("elsewhere");
        assertEquals(elsewhere.resolve("diagnoses.jsonl"),
                LocalDiagnosisStore.at(null, Map.of("HOME", home.toString(), "LOGIN_DOCTOR_HOME", elsewhere.toString())).file());
        assertEquals(home.resolve(".login-doctor/diagnoses.jsonl"), LocalDiagnosisStore.at(null, Map.of("HOME", home.toString())).file());
    }

    private static List<String> ids(Cli.Run r) throws Exception {
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = Json.MAPPER.readTree(r.out());
        return java.util.stream.StreamSupport.stream(rows.spliterator(), false).map(n -> n.get("diagnosisId").asText()).toList();
    }
}
