package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;

import java.util.List;

/**
 * SECURITY_TOKEN_MISSING_OR_STALE: a password-sending flow without the token, or with a token a
 * later password change replaced. Decided with CheckPassword and CheckMfa through {@link CredentialFailure}.
 */
public final class CheckSecurityToken extends BaseCheck {

    public CheckSecurityToken() {
        super(Cause.SECURITY_TOKEN_MISSING_OR_STALE, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        CredentialFailure credential = f.credential();
        TokenState token = f.token();
        List<String> lines = lines(f.row().lines(), credential.lines());
        return switch (credential.outcome()) {
            case NOT_SENT -> ruledOut(credential.lines());
            case TOKEN_REQUIRED -> confirmed(lines, remediation(f, false));
            case STALE_TOKEN -> confirmed(lines, remediation(f, true));
            case DELEGATED -> inconclusive(lines(lines, List.of("the delegated authentication service refused the credential (see CheckDelegatedAuth)")));
            case MFA_FOR_API_LOGINS -> inconclusive(lines(lines,
                    List.of("no security token can pass MFA for API Logins (see CheckMfa)")));
            case WRONG_PASSWORD, OTHER_REASON, UNDECIDED -> {
                if (token.state() == TokenState.State.KNOWN_GOOD || token.state() == TokenState.State.NOT_REQUIRED) {
                    yield ruledOut(lines(lines, List.of(token.line())));
                }
                yield inconclusive(lines(lines, List.of(token.line())));
            }
        };
    }

    private static String remediation(Facts f, boolean stale) {
        String user = f.username();
        String profile = IpCheck.profileName(f.org());
        String ip = f.ip().ip() != null ? f.ip().ip() : f.row().sourceIp(f.report()) != null ? f.row().sourceIp(f.report()) : "the integration's egress range";
        String start = stale
                ? "The password of " + user + " was changed or reset after the credential was stored, which issued a new security token: "
                + "store the current password followed by that new token in " + secretRef(f.report().credentialSecret()) + ". "
                : "Append the security token of " + user + " to the password in " + secretRef(f.report().credentialSecret()) + ". ";
        return start + "To get a fresh token, log in as " + user + ": avatar → Settings → My Personal Information → Reset My Security Token"
                + " (an admin's Setup → Users → " + user + " → Reset Password also emails one); then store password + new token. "
                + "Or add " + ip + " to the Login IP Ranges of profile " + profile + " (Setup → Profiles → " + profile
                + " → Login IP Ranges) so no token is needed from there.";
    }
}
