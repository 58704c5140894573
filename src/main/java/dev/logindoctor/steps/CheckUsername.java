package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.OrgEvidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * USERNAME_NOT_FOUND: no user (active or not) with the username in the org behind the login host.
 * Only proof when the diagnostics org is that org; a missing username with the wrong-endpoint
 * signature is left to CheckLoginEndpoint.
 */
public final class CheckUsername extends BaseCheck {

    public CheckUsername() {
        super(Cause.USERNAME_NOT_FOUND, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        OrgEvidence org = f.org();
        String username = f.report().username();
        if (!org.available()) {
            return inconclusive(List.of("whether " + username + " exists is unknown: " + org.gap("user")));
        }
        Optional<WrongEndpoint> wrongEndpoint = f.wrongEndpoint();
        if (wrongEndpoint.isPresent()) {
            return inconclusive(List.of(wrongEndpoint.get().line(),
                    "the username is judged against the wrong org or host, so a missing user is no proof of a typo (see CheckLoginEndpoint)"));
        }
        String orgName = OrgScope.orgName(org.organization());
        return switch (org.userLookup()) {
            case UNKNOWN -> inconclusive(List.of("whether " + username + " exists is unknown: " + org.gap("user")));
            case FOUND -> ruledOut(List.of("user " + f.username() + " exists in " + orgName
                    + (org.user() != null && Boolean.FALSE.equals(org.user().active()) ? " (inactive)" : "")));
            case NOT_FOUND -> notFound(f, orgName);
        };
    }

    private Finding notFound(Facts f, String orgName) {
        String username = f.report().username();
        List<String> lines = new ArrayList<>();
        lines.add("no user " + username + ", active or inactive, in " + orgName);
        lines.add(f.scope().reason());
        if (!f.scope().same()) {
            return inconclusive(lines);
        }
        if (f.row().kind() == ExplainingRow.Kind.NO_ROWS) {
            lines.add(f.row().absence());
        }
        return confirmed(lines, "Correct the username in " + secretRef(f.report().credentialSecret()) + ": no user '" + username
                + "' exists in " + orgName + " (reached at " + f.host().display() + "). Setup → Users lists the org's exact usernames;"
                + " a sandbox username is the production one plus '.<sandbox name>' and logs in at " + LoginHost.SANDBOX_LOGIN + ".");
    }
}
