package dev.logindoctor.probe;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.Risk;
import dev.logindoctor.model.RiskAssessment;
import dev.logindoctor.model.RiskFinding;
import dev.logindoctor.model.RiskReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the probe announces a risk: when it appears, when its date moves closer by more than a day, and never twice for the same news. */
class RiskWatchTest {
    private static final Instant NOW = Instant.parse("2026-11-27T10:15:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-12-11T00:00:00Z");

    @TempDir
    Path dir;

    private final List<String> announced = new ArrayList<>();
    private List<RiskAssessment> next = List.of();
    private boolean busDown;

    private final Integration integration = new Integration("billing-sync", "https://acme.my.salesforce.com", "svc@acme.com",
            LoginFlow.OAUTH_JWT, "local/billing-sync", "local/diagnostics", null, true);

    private RiskWatch watch(FileIntegrationRegistry registry) {
        RiskNotifier notifier = (id, finding, why) -> {
            if (busDown) {
                throw new IllegalStateException("EventBridge is down");
            }
            announced.add(finding.risk() + "@" + finding.dueAt() + " " + why);
        };
        return new RiskWatch((i, c) -> new RiskReport(i.id(), NOW, next, 2, null), registry, notifier, Duration.ofDays(1));
    }

    private FileIntegrationRegistry registry() {
        FileIntegrationRegistry registry = new FileIntegrationRegistry(dir.resolve("integrations.json"));
        registry.put(integration);
        return registry;
    }

    private static RiskAssessment orgExpires(Instant at) {
        return RiskAssessment.found(new RiskFinding(Risk.ORG_EXPIRES, at, List.of("TrialExpirationDate " + at), "subscribe"));
    }

    private void runs(RiskWatch watch, int n) {
        for (int i = 0; i < n; i++) {
            watch.afterHealthyLogin(integration, new VersionedSecret("{}", "v1", null));
        }
    }

    @Test
    void aRiskIsAnnouncedWhenItAppearsAndNotAgainWhileNothingChanges() {
        FileIntegrationRegistry registry = registry();
        RiskWatch watch = watch(registry);
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 10);
        assertEquals(List.of("ORG_EXPIRES@" + EXPIRES + " appeared"), announced);
        assertEquals(1, registry.risks("billing-sync").orElseThrow().risks().size(), "the item never grows");
    }

    @Test
    void aDateThatMovesCloserByMoreThanTheThresholdIsNewsAndAnHourIsNot() {
        RiskWatch watch = watch(registry());
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 1);
        next = List.of(orgExpires(EXPIRES.minus(Duration.ofHours(1))));
        runs(watch, 1);
        assertEquals(1, announced.size(), "an hour closer is the same news");
        next = List.of(orgExpires(EXPIRES.minus(Duration.ofDays(5))));
        runs(watch, 3);
        assertEquals(2, announced.size(), announced.toString());
        assertTrue(announced.get(1).contains("moved closer, from " + EXPIRES), announced.get(1));
    }

    @Test
    void aRiskThatCouldNotBeJudgedIsKeptAsItStoodSoItsReturnIsNoNews() {
        FileIntegrationRegistry registry = registry();
        RiskWatch watch = watch(registry);
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 1);
        next = List.of(RiskAssessment.unknown(Risk.ORG_EXPIRES, "no diagnostics connection: refused"));
        runs(watch, 1);
        assertEquals(Risk.ORG_EXPIRES, registry.risks("billing-sync").orElseThrow().nearest().orElseThrow().risk(),
                "a gap is not 'gone'");
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 1);
        assertEquals(1, announced.size(), announced.toString());
    }

    @Test
    void aRiskThatIsGoneLeavesTheItemAndComesBackAsNews() {
        FileIntegrationRegistry registry = registry();
        RiskWatch watch = watch(registry);
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 1);
        next = List.of(RiskAssessment.clear(Risk.ORG_EXPIRES, "no TrialExpirationDate"));
        runs(watch, 1);
        assertEquals(List.of(), registry.risks("billing-sync").orElseThrow().risks());
        next = List.of(orgExpires(EXPIRES));
        runs(watch, 1);
        assertEquals(2, announced.size(), announced.toString());
    }

    @Test
    void anAnnouncementEventBridgeRefusedIsMadeOnTheNextRun() {
        RiskWatch watch = watch(registry());
        next = List.of(orgExpires(EXPIRES));
        busDown = true;
        runs(watch, 1);
        assertEquals(List.of(), announced);
        busDown = false;
        runs(watch, 2);
        assertEquals(List.of("ORG_EXPIRES@" + EXPIRES + " appeared"), announced);
    }
}
