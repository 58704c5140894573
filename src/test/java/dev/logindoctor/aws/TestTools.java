package dev.logindoctor.aws;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build installed the engines the tests start (src/test/tools/install-test-tools.sh). */
final class TestTools {
    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path NODE = PROJECT.resolve("node_modules/.bin/node");
    static final Path ASL_VALIDATOR = PROJECT.resolve("node_modules/.bin/asl-validator");
    static final Path MOTO_SERVER = PROJECT.resolve(".venv/bin/moto_server");
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
}
