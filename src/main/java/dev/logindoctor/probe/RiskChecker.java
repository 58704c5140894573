package dev.logindoctor.probe;

import dev.logindoctor.engine.RiskCheckRunner;
import dev.logindoctor.model.RiskReport;

import java.time.Clock;

/** The risk check the probe runs after a healthy login: never a login, only the diagnostics connection and Trust. */
@FunctionalInterface
public interface RiskChecker {

    RiskReport check(Integration integration, VersionedSecret credential);

    /** Through the engine's runner; the secret already read for the login gives the JWT certificate, no second read. */
    static RiskChecker of(RiskCheckRunner runner, Clock clock) {
        return (integration, credential) -> runner.check(RiskSubject.of(integration, clock.instant(), credential.createdAt()),
                credential.value());
    }
}
