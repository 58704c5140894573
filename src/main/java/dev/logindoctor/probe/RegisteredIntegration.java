package dev.logindoctor.probe;

/** An integration with the probe's memory of it ({@link ProbeRecord#none} before its first probe). */
public record RegisteredIntegration(Integration integration, ProbeRecord lastProbe) {
    public RegisteredIntegration {
        lastProbe = lastProbe == null ? ProbeRecord.none(integration.id()) : lastProbe;
    }
}
