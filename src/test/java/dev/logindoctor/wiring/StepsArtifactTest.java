package dev.logindoctor.wiring;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.logindoctor.engine.StepOrder;
import dev.logindoctor.steps.EliminationStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step functions build from deploy/steps/pom.xml: StepHandler and what javac finds it
 * references, against the Lambda core library and Jackson only. Here that build is repeated with
 * the JDK's compiler (as the steps' pom tells Maven to), and every step is loaded and initialised
 * from its output alone, so a class on the step path that reaches for the AWS SDK, the simulator or
 * the CLI fails here, not at `sam build`. `.ci/sam-checks.sh` checks what `sam build` really ships.
 */
class StepsArtifactTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path STEPS_POM = PROJECT.resolve("deploy/steps/pom.xml");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^(software/amazon/|com/amazonaws/services/lambda/runtime/events/|picocli/|dev/logindoctor/(sim|cli|probe)/)");

    @Test
    void theStepsPomUsesTheProjectsVersionsOfEveryLibraryAndPluginItDeclares() throws Exception {
        Map<String, String> project = versions(PROJECT.resolve("pom.xml"));
        Map<String, String> steps = versions(STEPS_POM);
        assertTrue(steps.containsKey("com.fasterxml.jackson.core:jackson-databind"), "read the steps' pom: " + steps);
        for (Map.Entry<String, String> declared : steps.entrySet()) {
            assertEquals(project.get(declared.getKey()), declared.getValue(), declared.getKey() + " in deploy/steps/pom.xml");
        }
    }

    @Test
    void theStepsPomDeclaresNoAwsSdkEventsLibraryOrCommandLineParser() throws Exception {
        for (String artifact : versions(STEPS_POM).keySet()) {
            assertFalse(artifact.startsWith("software.amazon.awssdk:") || artifact.endsWith(":aws-lambda-java-events")
                    || artifact.startsWith("info.picocli:"), artifact + " in deploy/steps/pom.xml");
        }
    }

    @Test
    void everyStepInitialisesFromAnArtifactBuiltWithoutTheSdkSimOrCli(@TempDir Path classes) throws Exception {
        List<Path> libraries = Stream.of(Context.class, ObjectMapper.class, JsonFactory.class, JsonProperty.class, JavaTimeModule.class)
                .map(StepsArtifactTest::jarOf).toList();
        compileStepHandler(classes, libraries);

        List<String> carried = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.map(f -> classes.relativize(f).toString().replace('\\', '/')).filter(f -> FORBIDDEN.matcher(f).find()).forEach(carried::add);
        }
        assertEquals(List.of(), carried, "classes a step must not carry");
        assertTrue(Files.exists(classes.resolve("dev/logindoctor/steps/CheckLockout.class")), "the steps themselves are compiled");

        List<URL> path = new ArrayList<>(List.of(classes.toUri().toURL(), PROJECT.resolve("src/main/resources").toUri().toURL()));
        for (Path library : libraries) {
            path.add(library.toUri().toURL());
        }
        try (URLClassLoader artifact = new URLClassLoader(path.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> artifact.loadClass("software.amazon.awssdk.core.SdkClient"));
            Class<?> handler = artifact.loadClass("dev.logindoctor.aws.StepHandler");
            Class<?> sources = artifact.loadClass("dev.logindoctor.engine.EvidenceSources");
            Object lambdaSources = artifact.loadClass("dev.logindoctor.aws.LambdaEvidenceSources").getMethod("shared").invoke(null);
            for (EliminationStep step : StepOrder.steps()) {
                // Lambda's wiring, so init priming runs: the step and the state's JSON over full evidence.
                Object built = handler.getConstructor(String.class, sources).newInstance(step.name(), lambdaSources);
                assertEquals(step.name(), handler.getMethod("stepName").invoke(built));
            }
        }
    }

    /** What deploy/steps/pom.xml asks of Maven: StepHandler.java, the rest found on the source path. */
    private static void compileStepHandler(Path out, List<Path> libraries) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        String classPath = String.join(java.io.File.pathSeparator, libraries.stream().map(Path::toString).toList());
        int status = javac.run(null, null, errors, "--release", "21", "-parameters", "-XDstringConcat=inline", "-implicit:class", "-nowarn",
                "-d", out.toString(), "-cp", classPath, "-sourcepath", PROJECT.resolve("src/main/java").toString(),
                PROJECT.resolve("src/main/java/dev/logindoctor/aws/StepHandler.java").toString());
        assertEquals(0, status, "StepHandler does not compile with the steps' libraries alone:\n" + errors);
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** groupId:artifactId -> version of every dependency and plugin a pom declares, properties filled in. */
    private static Map<String, String> versions(Path pom) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        Map<String, String> properties = new TreeMap<>();
        NodeList props = doc.getElementsByTagName("properties");
        for (int i = 0; i < props.getLength(); i++) {
            NodeList children = props.item(i).getChildNodes();
            for (int j = 0; j < children.getLength(); j++) {
                if (children.item(j) instanceof Element e) {
                    properties.putIfAbsent(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        Map<String, String> versions = new TreeMap<>();
        for (String tag : List.of("dependency", "plugin")) {
            NodeList nodes = doc.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String version = text(e, "version");
                if (version != null) {
                    String group = text(e, "groupId");
                    versions.putIfAbsent((group == null ? "org.apache.maven.plugins" : group) + ":" + text(e, "artifactId"),
                            fill(version, properties));
                }
            }
        }
        return versions;
    }

    private static String text(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static String fill(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(value);
        return m.replaceAll(r -> Matcher.quoteReplacement(properties.getOrDefault(r.group(1), r.group())));
    }
}
