package dev.logindoctor.aws;

import dev.logindoctor.model.Cause;
import dev.logindoctor.model.Diagnosis;
import dev.logindoctor.model.Finding;
import dev.logindoctor.model.LoginFlow;

import java.time.Instant;
import java.util.List;

/** Diagnoses built in code for the store and item tests. */
final class Diagnoses {
    private Diagnoses() {
    }

    static Diagnosis of(String id, String integrationId, Cause cause, Instant failedAt) {
        List<Finding> findings = cause == Cause.UNDETERMINED
                ? List.of(Finding.inconclusive("CheckLockout", Cause.USER_LOCKED_OUT, List.of("UserLogin could not be read")))
                : List.of(
                        Finding.ruledOut("CheckUsername", Cause.USERNAME_NOT_FOUND, List.of("User integration@acme.com exists (005000000000001AAA)")),
                        Finding.confirmed("CheckLockout", cause, List.of("UserLogin.IsPasswordLocked = true", "Password Lockout at 10:14:58Z"),
                                "Setup → Users → integration@acme.com → Unlock"));
        return new Diagnosis(id, integrationId, "integration@acme.com", "https://acme.my.salesforce.com", LoginFlow.SOAP, failedAt, cause,
                cause == Cause.UNDETERMINED ? null : "CheckLockout", findings,
                cause == Cause.UNDETERMINED ? "No step could confirm a cause." : "Setup → Users → integration@acme.com → Unlock",
                2, 1834, failedAt.plusSeconds(90));
    }
}
