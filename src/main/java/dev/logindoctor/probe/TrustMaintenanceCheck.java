package dev.logindoctor.probe;

import dev.logindoctor.salesforce.TrustEvidenceReader;
import dev.logindoctor.salesforce.TrustClient;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The org's instance status from Salesforce Trust: by the registered instance key, else by the
 * login host's My Domain alias. A core maintenance or a major core incident means logins may fail
 * for reasons that are not the credential's, so the probe waits. An org Trust cannot place (a
 * shared login host and no instance registered) is probed as usual.
 */
public final class TrustMaintenanceCheck implements MaintenanceCheck {
    /**
     * The Trust status values that take logins down (docs/salesforce-wire-facts.md#trust-status-api);
     * INFORMATIONAL, MINOR and NONCORE ones do not.
     */
    static final Set<String> LOGINS_DOWN = Set.of("MAINTENANCE_CORE", "MAJOR_INCIDENT_CORE");

    private final TrustClient trust;

    public TrustMaintenanceCheck(TrustClient trust) {
        this.trust = trust;
    }

    @Override
    public Optional<String> maintenance(Integration integration) {
        TrustClient.InstanceStatus status;
        if (integration.instance() != null) {
            status = trust.instanceStatus(integration.instance());
        } else {
            String alias = TrustEvidenceReader.myDomainAlias(integration.loginUrl());
            if (alias == null) {
                return Optional.empty();
            }
            status = trust.aliasStatus(alias);
        }
        String value = status.status() == null ? "" : status.status().toUpperCase(Locale.ROOT);
        return LOGINS_DOWN.contains(value) ? Optional.of(status.key() + " is " + value + " on Salesforce Trust") : Optional.empty();
    }
}
