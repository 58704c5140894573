package dev.logindoctor.probe;

/**
 * An integration with the probe's memory of it ({@link ProbeRecord#none} before its first probe) and
 * its current risks (null before its first risk check).
 */
public record RegisteredIntegration(Integration integration, ProbeRecord lastProbe, RiskRecord risks) {
    public RegisteredIntegration {
        lastProbe = lastProbe == null ? ProbeRecord.none(integration.id()) : lastProbe;
    }

    public RegisteredIntegration(Integration integration, ProbeRecord lastProbe) {
        this(integration, lastProbe, null);
    }
}
