package dev.logindoctor.aws;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Where the build installed the engines the tests start (src/test/tools/install-test-tools.sh). */
final class TestTools {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path NODE = PROJECT.resolve("node_modules/.bin/node");
    static final Path ASL_VALIDATOR = PROJECT.resolve("node_modules/.bin/asl-validator");
    static final Path MOTO_SERVER = PROJECT.resolve(".venv/bin/moto_server");
    static final Path PYTHON = PROJECT.resolve(".venv/bin/python");
    static final Path STATE_MACHINE = PROJECT.resolve("statemachine/login-doctor.asl.json");
    static final Path RUNNER = PROJECT.resolve("src/test/node/run-state-machine.mjs");

    private TestTools() {
    }

    /** Fails (never skips) when a tool is missing: the build installs them, so missing means a broken build. */
    static Path require(Path tool) {
        if (!Files.isExecutable(tool)) {
            throw new IllegalStateException(tool + " is missing: run the build (./mvnw verify), whose "
                    + "generate-test-resources phase runs src/test/tools/install-test-tools.sh");
        }
        return tool;
    }

    /**
     * The build's copy of a language runtime, for the snippets of that language. Skips the test only
     * where the machine has no such runtime at all ({@code command} not on PATH); where it has one,
     * a missing copy is a broken build and fails as {@link #require} does.
     */
    static Path runtime(Path installed, String command) {
        if (Files.isExecutable(installed)) {
            return installed;
        }
        boolean onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty()).anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
        Assumptions.assumeTrue(onPath, command + " is not on this machine, so its reporter snippet cannot run here");
        return require(installed);
    }
}
