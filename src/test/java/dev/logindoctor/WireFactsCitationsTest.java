package dev.logindoctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Salesforce fact the code cites lives in docs/salesforce-wire-facts.md, under a heading a
 * reader can open: nothing under src/ may cite a file outside the repository (the shared wire notes
 * the project started from) or a bare source tag (an S-number, a section sign, a confidence tag),
 * and every citation of the facts file must name a heading that exists.
 */
class WireFactsCitationsTest {
    private static final Path SRC = Path.of("src");
    private static final Path FACTS = Path.of("docs/salesforce-wire-facts.md");
    private static final Pattern OUTSIDE = Pattern.compile(
            "SALESFORCE\\.md|(?<![\\w-])S\\d{1,2}(?![\\w-])|§\\s*\\d|\\[U[]:]|\\[C3?[ \\]]");
    private static final Pattern CITATION = Pattern.compile("salesforce-wire-facts\\.md#([\\w-]+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} (.+)$");

    private static List<Path> sourceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SRC)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The text of a file, or null for one that is not UTF-8 text (a key store, an archive). */
    private static String text(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException binary) {
            return null;
        }
    }

    @Test
    void nothingUnderSrcCitesAFileOutsideTheRepositoryOrABareSourceTag() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sourceFiles()) {
            String text = text(file);
            if (text == null) {
                continue;
            }
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = OUTSIDE.matcher(lines[i]);
                if (m.find()) {
                    found.add(file + ":" + (i + 1) + ": " + m.group() + " (cite a heading of " + FACTS + " instead)");
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void everyCitedHeadingExistsInTheWireFacts() throws IOException {
        Set<String> anchors = anchors(Files.readString(FACTS));
        assertTrue(anchors.contains("oauth-token-endpoint-errors"), "the facts file lost a heading code relies on: " + anchors);
        Set<String> missing = new TreeSet<>();
        int citations = 0;
        for (Path file : sourceFiles()) {
            String text = text(file);
            Matcher m = CITATION.matcher(text == null ? "" : text);
            while (m.find()) {
                citations++;
                if (!anchors.contains(m.group(1))) {
                    missing.add(file + " -> #" + m.group(1));
                }
            }
        }
        assertTrue(citations > 0, "no code cites the wire facts: is the pattern still right?");
        assertEquals(Set.of(), missing, "citations of headings " + FACTS + " does not have (headings are stable: add, never rename)");
    }

    @Test
    void anchorsAreMadeTheWayGitHubMakesThem() {
        assertEquals(Set.of("the-login_status-dictionary", "user-userlogin-and-permissions", "oauth-username-password-flow"),
                anchors("## The LOGIN_STATUS dictionary\n## User, UserLogin and permissions\n## OAuth username-password flow\n"));
    }

    /** GitHub's heading anchors: lower case, punctuation other than - and _ dropped, spaces to hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Matcher m = HEADING.matcher(markdown);
        while (m.find()) {
            anchors.add(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
