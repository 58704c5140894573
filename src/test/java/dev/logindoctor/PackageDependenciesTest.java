package dev.logindoctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Packages point one way: model <- steps <- engine <- salesforce <- probe <- aws <- cli, with json
 * a leaf anyone may use and sim beside steps. Read from the import lines of src/main.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/logindoctor");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Pattern OWN = Pattern.compile("dev\\.logindoctor\\.([a-z]+)\\..*");
    /** Each package may import only packages of a lower layer. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(Map.entry("json", 0), Map.entry("model", 0),
            Map.entry("steps", 1), Map.entry("risks", 1), Map.entry("sim", 1), Map.entry("engine", 2), Map.entry("salesforce", 3),
            Map.entry("probe", 4), Map.entry("aws", 5), Map.entry("cli", 6));
    /** The cli classes that talk to AWS themselves (Wiring builds the --table stores, history reads one); the rest of cli stays off the SDK. */
    private static final Set<String> CLI_CLASSES_USING_AWS = Set.of("Wiring", "HistoryCommand");

    /** source file (package/Class) -> the imports it names */
    private static Map<String, List<String>> imports() throws IOException {
        Map<String, List<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = MAIN.relativize(file).toString().replace('\\', '/').replaceFirst("\\.java$", "");
                List<String> named = new ArrayList<>();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    named.add(m.group(1));
                }
                imports.put(name, named);
            }
        }
        assertFalse(imports.isEmpty(), "no sources under " + MAIN);
        return imports;
    }

    private static String packageOf(String file) {
        return file.substring(0, file.indexOf('/'));
    }

    private static Map<String, Set<String>> packageGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        imports().forEach((file, named) -> {
            Set<String> targets = graph.computeIfAbsent(packageOf(file), p -> new TreeSet<>());
            for (String imported : named) {
                Matcher own = OWN.matcher(imported);
                if (own.matches() && !own.group(1).equals(packageOf(file))) {
                    targets.add(own.group(1));
                }
            }
        });
        return graph;
    }

    @Test
    void noPackageImportsOneThatImportsItBack() throws IOException {
        Map<String, Set<String>> graph = packageGraph();
        List<String> cycles = new ArrayList<>();
        for (String from : graph.keySet()) {
            List<String> path = cycleThrough(from, from, graph, new ArrayList<>(List.of(from)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles, "import cycles between packages under dev.logindoctor");
    }

    private static List<String> cycleThrough(String start, String at, Map<String, Set<String>> graph, List<String> path, Set<String> seen) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleThrough(start, next, graph, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    @Test
    void everyPackageImportsOnlyLowerLayers() throws IOException {
        List<String> upward = new ArrayList<>();
        packageGraph().forEach((from, targets) -> {
            assertTrue(LAYER.containsKey(from), "package " + from + " has no layer here: give it one");
            for (String to : targets) {
                if (LAYER.getOrDefault(to, Integer.MAX_VALUE) >= LAYER.get(from)) {
                    upward.add(from + " -> " + to);
                }
            }
        });
        assertEquals(List.of(), upward, "imports that point up or sideways (layers: " + new TreeMap<>(LAYER) + ")");
    }

    @Test
    void modelImportsOnlyJavaAndStepsOnlyJavaAndModel() throws IOException {
        List<String> strays = new ArrayList<>();
        imports().forEach((file, named) -> {
            for (String imported : named) {
                boolean allowed = switch (packageOf(file)) {
                    case "model" -> imported.startsWith("java.");
                    case "steps" -> imported.startsWith("java.") || imported.startsWith("dev.logindoctor.model.");
                    default -> true;
                };
                if (!allowed) {
                    strays.add(file + " imports " + imported);
                }
            }
        });
        assertEquals(List.of(), strays);
    }

    @Test
    void onlyTheCliClassesThatTalkToAwsImportAwsAndDynamoDbStaysInAws() throws IOException {
        List<String> strays = new ArrayList<>();
        imports().forEach((file, named) -> {
            String pkg = packageOf(file);
            String simpleName = file.substring(file.lastIndexOf('/') + 1);
            for (String imported : named) {
                if (pkg.equals("cli") && imported.startsWith("dev.logindoctor.aws.") && !CLI_CLASSES_USING_AWS.contains(simpleName)) {
                    strays.add(file + " imports " + imported);
                }
                if (!pkg.equals("aws") && imported.startsWith("software.amazon.awssdk.services.dynamodb")) {
                    strays.add(file + " imports " + imported);
                }
            }
        });
        assertEquals(List.of(), strays);
    }
}
