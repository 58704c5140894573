package dev.logindoctor.probe;

import java.util.Optional;

/**
 * Asks Salesforce Trust whether an org's instance is down for maintenance, once per org per run:
 * a login during maintenance fails for a reason that is not the credential's.
 */
@FunctionalInterface
public interface MaintenanceCheck {

    /**
     * @param integration any integration of the org (its instance or login host names the org)
     * @return why logins should wait ("NA224: MAINTENANCE_CORE"), or empty when the instance is up or
     *         Trust cannot tell (the probe then logs in: an unknown status is not a reason to stop probing)
     */
    Optional<String> maintenance(Integration integration);

    /** For deployments with no Trust access: never skips. */
    static MaintenanceCheck never() {
        return integration -> Optional.empty();
    }
}
