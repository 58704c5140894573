package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WRONG_LOGIN_ENDPOINT: a sandbox user sent to production's login host or the reverse, a sandbox
 * username sent to production, or a host that never serves logins (Lightning, Visualforce).
 */
public final class CheckLoginEndpoint extends BaseCheck {

    public CheckLoginEndpoint() {
        super(Cause.WRONG_LOGIN_ENDPOINT, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        Optional<WrongEndpoint> wrong = f.wrongEndpoint();
        if (wrong.isPresent()) {
            return confirmed(List.of(wrong.get().line()), "Send the login to " + wrong.get().useInstead()
                    + " instead of " + f.host().display() + " (the login URL in the integration's configuration).");
        }
        OrgEvidence org = f.org();
        LoginHost host = f.host();
        List<String> lines = new ArrayList<>();
        lines.add("the login went to " + host.display() + " (" + describe(host) + ")");
        if (!org.available()) {
            lines.add("the environments cannot be compared: " + org.gap("organization"));
            return inconclusive(lines);
        }
        if (org.userLookup() == Lookup.FOUND) {
            Boolean reaches = host.reaches(org.organization());
            if (f.scope().same() || Boolean.TRUE.equals(reaches)) {
                lines.add("user " + f.username() + " exists in " + OrgScope.orgName(org.organization()) + ", "
                        + OrgScope.kind(org.organization()) + ", which that host reaches");
                return ruledOut(lines);
            }
            lines.add(f.scope().reason());
            return inconclusive(lines);
        }
        if (org.userLookup() == Lookup.NOT_FOUND) {
            lines.add("no user " + f.report().username() + " in " + OrgScope.orgName(org.organization())
                    + ", and nothing shows it exists in another environment");
        } else {
            lines.add("where the user lives is unknown: " + org.gap("user"));
        }
        return inconclusive(lines);
    }

    private static String describe(LoginHost host) {
        return switch (host.kind()) {
            case PRODUCTION_GENERIC -> "the generic production login host";
            case SANDBOX_GENERIC -> "the generic sandbox login host";
            case MY_DOMAIN_PRODUCTION -> "a production My Domain";
            case MY_DOMAIN_SANDBOX -> "a sandbox My Domain";
            case MY_DOMAIN_SCRATCH -> "a scratch org My Domain";
            case LOOPBACK -> "a loopback address: the environment cannot be told from the host";
            case UNPARSABLE -> "not a URL";
            default -> "a host of unknown kind";
        };
    }
}
