package dev.logindoctor.model;

/**
 * What a step judges: the report, and whatever has been fetched so far. {@code org} and
 * {@code trust} are non-null whenever the step declared it needs them.
 */
public record Evidence(FailureReport report, OrgEvidence org, TrustEvidence trust) {
}
