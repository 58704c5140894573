package dev.logindoctor.aws;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * src/test/tools/install-test-tools.sh in a throwaway project, with stand-ins for npm and python3
 * that record what they were asked: it installs on a fresh machine, does nothing on a repeated
 * build, and re-installs exactly the side whose pins changed.
 */
class InstallTestToolsTest {
    private static final String FAKE_NPM = """
            #!/usr/bin/env bash
            echo "npm $1" >> "$TOOLS_LOG"
            rm -rf node_modules && mkdir -p node_modules/.bin
            printf '#!/bin/sh\\necho v22.1.0\\n' > node_modules/.bin/node && chmod +x node_modules/.bin/node
            """;
    private static final String FAKE_PYTHON = """
            #!/usr/bin/env bash
            echo "python3 $*" >> "$TOOLS_LOG"
            mkdir -p .venv/bin
            printf '#!/usr/bin/env bash\\necho "pip $1" >> "$TOOLS_LOG"\\ntouch .venv/bin/moto_server; chmod +x .venv/bin/moto_server\\n' > .venv/bin/pip
            chmod +x .venv/bin/pip
            """;

    @TempDir
    Path project;
    private Path log;

    @BeforeEach
    void aProjectWithPins() throws IOException {
        Path tools = Files.createDirectories(project.resolve("src/test/tools"));
        Files.copy(TestTools.PROJECT.resolve("src/test/tools/install-test-tools.sh"), tools.resolve("install-test-tools.sh"));
        Files.writeString(project.resolve("package.json"), "{\"devDependencies\": {\"jsforce\": \"3.10.26\"}}\n");
        Files.writeString(project.resolve("package-lock.json"), "{\"lockfileVersion\": 3}\n");
        Files.writeString(project.resolve("requirements-test.txt"), "moto[server]==5.2.5\n");
        Path bin = Files.createDirectories(project.resolve("fake-bin"));
        executable(bin.resolve("npm"), FAKE_NPM);
        executable(bin.resolve("python3"), FAKE_PYTHON);
        log = project.resolve("tools.log");
        Files.writeString(log, "");
    }

    @Test
    void aFreshMachineInstallsBothAndARepeatedBuildInstallsNothing() throws Exception {
        install();
        assertEquals(List.of("npm ci", "python3 -m venv .venv", "pip install"), Files.readAllLines(log));
        install();
        assertEquals(3, Files.readAllLines(log).size(), "nothing installed again: " + Files.readAllLines(log));
    }

    @Test
    void aNewPythonPinReinstallsThePythonToolsOnly() throws Exception {
        install();
        Files.writeString(project.resolve("requirements-test.txt"), "simple-salesforce==1.12.10\n", StandardOpenOption.APPEND);
        install();
        assertEquals(List.of("python3 -m venv .venv", "pip install"), Files.readAllLines(log).subList(3, 5));
        assertEquals(5, Files.readAllLines(log).size());
    }

    @Test
    void aNewNodePinReinstallsTheNodeToolsOnly() throws Exception {
        install();
        Files.writeString(project.resolve("package-lock.json"), "{\"lockfileVersion\": 3, \"packages\": {}}\n");
        install();
        assertEquals(List.of("npm ci"), Files.readAllLines(log).subList(3, 4));
        assertEquals(4, Files.readAllLines(log).size());
    }

    private void install() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", project.resolve("src/test/tools/install-test-tools.sh").toString())
                .redirectErrorStream(true);
        builder.environment().put("PATH", project.resolve("fake-bin") + ":/usr/bin:/bin");
        builder.environment().put("TOOLS_LOG", log.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
