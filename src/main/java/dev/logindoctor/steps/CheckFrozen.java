package dev.logindoctor.steps;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.UserLoginState;

import java.util.ArrayList;
import java.util.List;

/** USER_FROZEN: an admin froze the user ({@code UserLogin.IsFrozen}, or a "User is frozen" row). */
public final class CheckFrozen extends BaseCheck {

    public CheckFrozen() {
        super(Cause.USER_FROZEN, true, false);
    }

    @Override
    public Finding check(Evidence evidence) {
        Facts f = Facts.of(evidence);
        String user = f.username();
        String fix = "Setup → Users → " + user + " → Unfreeze (the user stays active; freezing only blocks logins).";
        if (f.row().says(LoginStatus.USER_FROZEN)) {
            return confirmed(f.row().lines(), fix);
        }
        if (f.scope().different()) {
            return inconclusive(List.of("the account state is not evidence: " + f.scope().reason()));
        }
        UserLoginState state = f.org().available() ? f.org().userLogin() : null;
        if (state == null) {
            return inconclusive(List.of("UserLogin unknown: " + f.org().gap("userLogin")));
        }
        List<String> lines = new ArrayList<>();
        lines.add("UserLogin.IsFrozen = " + state.frozen() + " for " + user);
        if (state.frozen()) {
            return confirmed(lines(lines, f.row().lines()), fix);
        }
        return ruledOut(lines);
    }
}
