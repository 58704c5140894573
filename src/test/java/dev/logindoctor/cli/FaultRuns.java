package dev.logindoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.logindoctor.model.Cause;
import dev.logindoctor.sim.Leaks;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs `diagnose` against a {@link ProxiedOrg} and judges the run as the reliability rules do: the
 * cause is the scenario's or UNDETERMINED, never another; the run ends within the deadline; no
 * secret, canary or token reaches stdout, stderr or the store; the exit code follows the documented
 * rule; the org-request count the diagnosis reports is the count the proxy saw; no login as the
 * integration. Keeps the suite's figures for its summary line.
 */
final class FaultRuns {
    /** Request timeouts of a second, at most four org requests and a few Trust reads: far inside this. */
    static final Duration DEADLINE = Duration.ofSeconds(12);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String suite;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger wrong = new AtomicInteger();
    private final AtomicInteger hangs = new AtomicInteger();
    private final AtomicInteger leaks = new AtomicInteger();
    private final AtomicInteger crashes = new AtomicInteger();
    private final AtomicInteger miscounts = new AtomicInteger();
    private final AtomicInteger undetermined = new AtomicInteger();

    FaultRuns(String suite) {
        this.suite = suite;
    }

    /**
     * @param orgUnread the fault or the scenario leaves the org unread: an UNDETERMINED run must then exit 3
     *                  (and say why on stderr); otherwise every run exits 0
     */
    Cause check(ProxiedOrg org, String label, Path home, boolean orgUnread) {
        runs.incrementAndGet();
        Path store = home.resolve("store.jsonl");
        Cli.Run r;
        try {
            r = assertTimeoutPreemptively(DEADLINE, () -> org.diagnose(home, store), label + ": diagnose ran past " + DEADLINE);
        } catch (AssertionFailedError e) {
            hangs.incrementAndGet();
            throw e;
        } catch (RuntimeException e) {
            crashes.incrementAndGet();
            throw e;
        }
        List<String> problems = new ArrayList<>();
        JsonNode out = parse(r.out());
        if (out == null || (r.exit() != 0 && r.exit() != 3) || r.err().contains("\tat ")) {
            crashes.incrementAndGet();
            fail(label + ": crashed (exit " + r.exit() + ")\nstdout: " + r.out() + "\nstderr: " + r.err());
        }
        Cause got = Cause.valueOf(out.path("cause").asText());
        if (got == Cause.UNDETERMINED) {
            undetermined.incrementAndGet();
        }
        if (got != org.expected && got != Cause.UNDETERMINED) {
            wrong.incrementAndGet();
            problems.add("cause " + got + ", expected " + org.expected + " or UNDETERMINED: " + out.path("findings"));
        }
        String leak = leakIn(org, "stdout", r.out());
        leak = leak != null ? leak : leakIn(org, "stderr", r.err());
        leak = leak != null ? leak : leakIn(org, "the store", read(store));
        if (leak != null) {
            leaks.incrementAndGet();
            problems.add(leak);
        }
        int reported = out.path("salesforceRequests").asInt(-1);
        if (reported != org.proxy.orgRequests() || reported > 4) {
            miscounts.incrementAndGet();
            problems.add("the diagnosis counts " + reported + " org requests; the proxy saw " + org.proxy.orgRequests());
        }
        // Exit 3 exactly when nothing was confirmed and the org was left unread, saying why. A fault that leaves the
        // org readable may still see it unread on a starved machine (a sub-second timeout): then stderr must say so.
        boolean unreadSaid = r.err().contains("login-doctor: ") && r.err().contains("the org could not be read");
        int expectedExit = got == Cause.UNDETERMINED && (orgUnread || unreadSaid) ? 3 : 0;
        if (r.exit() != expectedExit || (r.exit() == 3 && !r.err().contains("login-doctor: "))) {
            problems.add("exit " + r.exit() + ", expected " + expectedExit + "; stderr: " + r.err());
        }
        if (org.integrationLoginsSince() != 0) {
            problems.add("Login Doctor logged in as the integration");
        }
        if (!problems.isEmpty()) {
            fail(label + ": " + String.join("\n", problems));
        }
        return got;
    }

    /** A secret, canary or token in {@code text}, named with where it was; null when there is none. */
    static String leakIn(ProxiedOrg org, String where, String text) {
        List<String> secrets = new ArrayList<>(org.heldSecrets);
        secrets.addAll(org.proxy.sessionTokens());
        return Leaks.find(where, text, secrets);
    }

    private static JsonNode parse(String stdout) {
        try {
            JsonNode n = JSON.readTree(stdout);
            return n != null && n.has("cause") ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The suite's figures, one line: printed after the runs and quoted in docs/RELIABILITY.md. */
    String summary() {
        return suite + ": " + runs + " runs, " + wrong + " wrong causes, " + hangs + " hangs, " + leaks + " leaks, "
                + crashes + " crashes, " + miscounts + " miscounted (" + undetermined + " UNDETERMINED)";
    }
}
