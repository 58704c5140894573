package dev.logindoctor.probe;

import java.util.List;
import java.util.Optional;

/**
 * Where registered integrations and the probe's memory of them live: the DynamoDB table on AWS, a
 * JSON file locally. Both hold the same items ({@link IntegrationItems}).
 */
public interface IntegrationRegistry {

    /** Every registered integration (enabled or not) with its probe record. */
    List<RegisteredIntegration> list();

    Optional<RegisteredIntegration> find(String integrationId);

    /** Adds or replaces the integration's configuration; its probe record is kept. */
    void put(Integration integration);

    /** Removes the integration and its probe record; false when it was not registered. */
    boolean remove(String integrationId);

    /**
     * Writes {@code next} only if the stored record still has revision {@code next.revision() - 1}
     * (none stored counts as revision 0). False means another run wrote first: the caller must not log in.
     */
    boolean recordProbe(ProbeRecord next);

    /** The integration's current risks item, when a risk check has run. */
    Optional<RiskRecord> risks(String integrationId);

    /** Replaces the integration's risks item (a plain put: only the run that holds the integration's claim writes it). */
    void recordRisks(RiskRecord risks);
}
