package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.logindoctor.sim.SimScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Hostile answer shapes through the {@link dev.logindoctor.sim.FaultProxy}: the org's composite
 * answer is rewritten on the wire — fields missing, null or of another type, extra fields, rows that
 * do not match the query's filter, duplicated rows that disagree, failed sub-requests echoing a
 * session-id-shaped canary — and `diagnose` must still name the scenario's cause or UNDETERMINED,
 * never another, with nothing secret in its output and the requests counted exactly. Each shape
 * bends a field toward some other cause (a missing IsActive toward USER_INACTIVE, another user's
 * row toward USERNAME_NOT_FOUND or lockout), so reading it as evidence would show as a wrong cause.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileOrgShapesFaultTest {
    static final List<String> SCENARIOS = List.of("healthy", "wrong-password", "username-not-found", "user-locked-out",
            "user-frozen", "user-inactive", "login-ip-restricted");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a careless org error might echo: shaped like a session id, marked as a canary. */
    private static final String ECHOED_SESSION = "00D5g000004SxQlEAK!AQCANARYechoedSession0123456789abcdef";
    private static final String FAILURE_TIME = "2026-11-27T10:14:58.000+0000";
    private static final String ANOTHER_USER = "0055g00000Zz9YyAAJ";

    private final FaultRuns runs = new FaultRuns("HostileOrgShapesFaultTest");
    private ProxiedOrg current;

    @TempDir
    static Path shared;

    record Shape(String name, UnaryOperator<JsonNode> rewrite) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Shape> shapes() {
        List<Shape> s = new ArrayList<>();
        s.add(records("User.IsActive missing", "user", r -> r.remove("IsActive")));
        s.add(records("User.IsActive null", "user", r -> r.putNull("IsActive")));
        s.add(records("User.IsActive the string \"false\"", "user", r -> r.put("IsActive", "false")));
        s.add(records("User.IsActive the number 0", "user", r -> r.put("IsActive", 0)));
        s.add(records("User.Username another user's", "user", r -> r.put("Username", "someone.else@acme.com")));
        s.add(records("User.Username a number", "user", r -> r.put("Username", 42)));
        s.add(records("User.Id missing", "user", r -> r.remove("Id")));
        s.add(shape("User rows duplicated, the copy inactive", root -> rows(root, "user").ifPresent(rows -> {
            if (!rows.isEmpty()) {
                rows.add(((ObjectNode) rows.get(0).deepCopy()).put("IsActive", false));
            }
        })));
        s.add(shape("User records null", root -> sub(root, "user").ifPresent(b -> ((ObjectNode) b.get("body")).putNull("records"))));
        s.add(shape("User records a string", root -> sub(root, "user").ifPresent(b -> ((ObjectNode) b.get("body")).put("records", "none"))));
        s.add(records("UserLogin flags as strings \"true\"", "userLogin", r -> r.put("IsFrozen", "true").put("IsPasswordLocked", "true")));
        s.add(records("UserLogin flags missing", "userLogin", r -> {
            r.remove("IsFrozen");
            r.remove("IsPasswordLocked");
        }));
        s.add(shape("UserLogin row of another user, frozen and locked", root -> rows(root, "userLogin").ifPresent(rows -> rows.add(
                NODES.objectNode().put("Id", "0Yw5g000000Zz9YyAAJ").put("UserId", ANOTHER_USER).put("IsFrozen", true).put("IsPasswordLocked", true)))));
        s.add(shape("LoginHistory rows of another user, each naming a cause", root -> rows(root, "history").ifPresent(rows -> {
            for (String status : List.of("Password Lockout", "Invalid Password", "Restricted IP", "User is frozen", "Login Rate Exceeded")) {
                rows.add(NODES.objectNode().put("UserId", ANOTHER_USER).put("LoginTime", FAILURE_TIME).put("Status", status)
                        .put("SourceIp", "203.0.113.7").put("LoginType", "Partner Product"));
            }
        })));
        s.add(records("LoginHistory Status null, LoginTime a number", "history", r -> r.putNull("Status").put("LoginTime", 1764238498)));
        s.add(shape("LoginHistory rows duplicated", root -> rows(root, "history").ifPresent(rows -> {
            List<JsonNode> copies = new ArrayList<>();
            rows.forEach(r -> copies.add(r.deepCopy()));
            rows.addAll(copies);
        })));
        s.add(records("Login IP Range bounds as numbers", "ipRanges", r -> r.put("StartAddress", 3405803776L).put("EndAddress", 3405804031L)));
        s.add(records("Organization fields null", "org", r -> r.putNull("InstanceName").putNull("IsSandbox").putNull("TimeZoneSidKey")));
        s.add(shape("extra fields on every row and sub-response", root -> {
            eachSub(root, sub -> {
                sub.set("unexpected", NODES.objectNode().put("nested", true));
                JsonNode records = sub.path("body").path("records");
                records.forEach(r -> ((ObjectNode) r).put("Surprise__c", "x").set("Deep__r", NODES.arrayNode().add(1).add("two")));
            });
            ((ObjectNode) root).put("extraTopLevel", 1);
        }));
        for (String ref : List.of("user", "userLogin", "history")) {
            s.add(shape("sub-request " + ref + " 500, echoing a session id", root -> sub(root, ref).ifPresent(sub -> {
                sub.put("httpStatusCode", 500);
                sub.set("body", NODES.arrayNode().add(NODES.objectNode().put("errorCode", "UNKNOWN_EXCEPTION")
                        .put("message", "An unexpected error occurred for session " + ECHOED_SESSION)));
            })));
        }
        return s;
    }

    /** Trust answers bent toward ORG_MAINTENANCE: another instance's maintenance, and one whose every field is mistyped. */
    static List<Shape> trustShapes() {
        ObjectNode elsewhere = NODES.objectNode().put("id", 990001).put("name", "NA99 Emergency Maintenance")
                .put("plannedStartTime", "2026-11-27T09:00:00.000Z").put("plannedEndTime", "2026-11-27T12:00:00.000Z").put("isCore", true);
        elsewhere.putArray("instanceKeys").add("NA99");
        elsewhere.putObject("message").put("eventStatus", "inProgress");
        ObjectNode mistyped = NODES.objectNode().put("id", "990002").put("plannedStartTime", 1764234000).put("plannedEndTime", true)
                .put("isCore", "true").put("affectsAll", "true").put("instanceKeys", "NA224");
        mistyped.put("message", "inProgress");
        return List.of(trust("Trust: another instance's maintenance covering the failure", elsewhere),
                trust("Trust: a maintenance with every field mistyped", mistyped));
    }

    private static Shape trust(String name, ObjectNode event) {
        return shape(name, root -> {
            if (root instanceof ArrayNode list && !root.path(0).has("alias")) {
                list.add(event.deepCopy());
            }
            for (String embedded : List.of("Maintenances", "Incidents")) {
                if (root.path(embedded) instanceof ArrayNode list) {
                    list.add(event.deepCopy());
                }
            }
        });
    }

    static Stream<Arguments> trustRuns() {
        return SCENARIOS.stream().flatMap(scenario -> trustShapes().stream().map(shape -> Arguments.of(scenario, shape)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("trustRuns")
    void aHostileTrustAnswerNeverConfirmsMaintenance(String scenario, Shape shape, @TempDir Path home) {
        ProxiedOrg org = org(scenario);
        org.proxy.clear();
        org.proxy.rewriteTrust(shape.rewrite());
        runs.check(org, scenario + " / " + shape, home, false);
    }

    static Stream<Arguments> runs() {
        return SCENARIOS.stream().flatMap(scenario -> shapes().stream().map(shape -> Arguments.of(scenario, shape)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("runs")
    void aHostileOrgAnswerIsAGapNeverEvidenceForAnotherCause(String scenario, Shape shape, @TempDir Path home) {
        ProxiedOrg org = org(scenario);
        org.proxy.clear();
        org.proxy.rewriteComposite(shape.rewrite());
        runs.check(org, scenario + " / " + shape, home, false);
    }

    private ProxiedOrg org(String scenario) {
        if (current == null || !current.sim.scenario().name().equals(scenario)) {
            if (current != null) {
                current.close();
            }
            current = ProxiedOrg.start(SimScenarios.load(scenario), shared);
        }
        return current;
    }

    @AfterAll
    void summary() {
        if (current != null) {
            current.close();
        }
        System.out.println(runs.summary());
    }

    // ---- the composite answer, as the proxy hands it over ------------------------------------

    private static Shape shape(String name, Consumer<JsonNode> change) {
        return new Shape(name, root -> {
            change.accept(root);
            return root;
        });
    }

    /** Changes every record of one sub-response. */
    private static Shape records(String name, String referenceId, Consumer<ObjectNode> change) {
        return shape(name, root -> rows(root, referenceId).ifPresent(rows -> rows.forEach(r -> change.accept((ObjectNode) r))));
    }

    private static java.util.Optional<ObjectNode> sub(JsonNode root, String referenceId) {
        for (JsonNode sub : root.path("compositeResponse")) {
            if (referenceId.equals(sub.path("referenceId").asText()) && sub instanceof ObjectNode o) {
                return java.util.Optional.of(o);
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<ArrayNode> rows(JsonNode root, String referenceId) {
        return sub(root, referenceId).map(s -> s.path("body").path("records")).filter(JsonNode::isArray).map(ArrayNode.class::cast);
    }

    private static void eachSub(JsonNode root, Consumer<ObjectNode> change) {
        root.path("compositeResponse").forEach(s -> {
            if (s instanceof ObjectNode o) {
                change.accept(o);
            }
        });
    }
}
