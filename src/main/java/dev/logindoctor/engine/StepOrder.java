package dev.logindoctor.engine;

import dev.logindoctor.steps.CheckApiAccess;
import dev.logindoctor.steps.CheckClientSupport;
import dev.logindoctor.steps.CheckConnectedAppAccess;
import dev.logindoctor.steps.CheckConnectedAppApproval;
import dev.logindoctor.steps.CheckConnectedAppClient;
import dev.logindoctor.steps.CheckDelegatedAuth;
import dev.logindoctor.steps.CheckFrozen;
import dev.logindoctor.steps.CheckInactive;
import dev.logindoctor.steps.CheckIpRestriction;
import dev.logindoctor.steps.CheckJwtAssertion;
import dev.logindoctor.steps.CheckLockout;
import dev.logindoctor.steps.CheckLoginEndpoint;
import dev.logindoctor.steps.CheckLoginFlow;
import dev.logindoctor.steps.CheckLoginHours;
import dev.logindoctor.steps.CheckLoginRate;
import dev.logindoctor.steps.CheckMaintenance;
import dev.logindoctor.steps.CheckMfa;
import dev.logindoctor.steps.CheckMyDomainLogin;
import dev.logindoctor.steps.CheckOrgStatus;
import dev.logindoctor.steps.CheckPassword;
import dev.logindoctor.steps.CheckPasswordExpiry;
import dev.logindoctor.steps.CheckRefreshToken;
import dev.logindoctor.steps.CheckSecurityToken;
import dev.logindoctor.steps.CheckUsername;
import dev.logindoctor.steps.EliminationStep;

import java.util.List;
import java.util.Optional;

/**
 * The elimination steps in the order they run: the only list of them. The state machine
 * definition and the step functions in template.yaml are generated from it (README, "Adding a
 * step"). Cheap, decisive checks on the report and the org's account state come
 * first; the order never changes the answer for a single-cause failure, only how soon it is found.
 */
public final class StepOrder {

    private static final List<EliminationStep> STEPS = List.of(
            new CheckUsername(),
            new CheckSecurityToken(),
            new CheckIpRestriction(),
            new CheckLockout(),
            new CheckMaintenance(),
            new CheckMfa(),
            new CheckFrozen(),
            new CheckInactive(),
            new CheckOrgStatus(),
            new CheckClientSupport(),
            new CheckApiAccess(),
            new CheckPasswordExpiry(),
            new CheckLoginHours(),
            new CheckLoginFlow(),
            new CheckLoginRate(),
            new CheckLoginEndpoint(),
            new CheckConnectedAppApproval(),
            new CheckJwtAssertion(),
            // After the account and org checks: an SSO user's 'Invalid Password' row is read here, not by CheckPassword.
            new CheckDelegatedAuth(),
            new CheckRefreshToken(),
            new CheckConnectedAppClient(),
            new CheckConnectedAppAccess(),
            new CheckMyDomainLogin(),
            // Last: it confirms only on an "Invalid Password" row with the token known good, the most generic signal.
            new CheckPassword());

    private StepOrder() {
    }

    public static List<EliminationStep> steps() {
        return STEPS;
    }

    public static Optional<EliminationStep> byName(String name) {
        return STEPS.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
