package dev.logindoctor.steps;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.OrgInfo;

/**
 * Whether the diagnostics org is the org behind the report's login host. Only then does "no such
 * user here" mean the username does not exist where the login went, and only then are this org's
 * LoginHistory rows, settings and account state about the failing login.
 */
public record OrgScope(Relation relation, String reason) {

    public enum Relation { SAME, DIFFERENT, UNDETERMINED }

    public static OrgScope of(FailureReport report, OrgEvidence org) {
        if (org == null || !org.available()) {
            return new OrgScope(Relation.UNDETERMINED, org == null ? "the org was not read" : org.gap("organization"));
        }
        LoginHost reportHost = LoginHost.of(report.loginUrl());
        LoginHost diagnosticsHost = org.diagnosticsLoginUrl() == null ? null : LoginHost.of(org.diagnosticsLoginUrl());
        OrgInfo info = org.organization();
        String orgName = orgName(info);
        if (diagnosticsHost != null && reportHost.sameEndpoint(diagnosticsHost)) {
            return new OrgScope(Relation.SAME, "the report's host " + reportHost.display()
                    + " is the one the diagnostics connection uses (org " + orgName + ")");
        }
        Boolean reaches = reportHost.reaches(info);
        if (Boolean.FALSE.equals(reaches)) {
            return new OrgScope(Relation.DIFFERENT, "the report's host " + reportHost.display() + " reaches "
                    + LoginHost.describe(reportHost.environment()) + ", but the diagnostics org " + orgName + " is "
                    + kind(info) + ": they point at different orgs");
        }
        if (reportHost.isGeneric() && Boolean.TRUE.equals(reaches)) {
            return new OrgScope(Relation.SAME, "the report's host " + reportHost.display() + " reaches "
                    + LoginHost.describe(reportHost.environment()) + " and the diagnostics org " + orgName + " is " + kind(info));
        }
        // Connected through a generic host, the org's own instance_url still names its My Domain.
        LoginHost orgDomainHost = diagnosticsHost != null && diagnosticsHost.myDomainName() != null ? diagnosticsHost
                : org.instanceUrl() == null ? null : LoginHost.of(org.instanceUrl());
        if (reportHost.myDomainName() != null && orgDomainHost != null && orgDomainHost.myDomainName() != null) {
            diagnosticsHost = orgDomainHost;
            if (reportHost.myDomainName().equals(diagnosticsHost.myDomainName())) {
                return new OrgScope(Relation.SAME, "the report's host " + reportHost.display()
                        + " and the diagnostics host " + diagnosticsHost.display() + " are the same My Domain ("
                        + reportHost.myDomainName() + ")");
            }
            return new OrgScope(Relation.DIFFERENT, "the report's host " + reportHost.display() + " (My Domain "
                    + reportHost.myDomainName() + ") and the diagnostics host " + diagnosticsHost.display() + " (My Domain "
                    + diagnosticsHost.myDomainName() + ") point at different orgs");
        }
        return new OrgScope(Relation.UNDETERMINED, "cannot tell whether the report's host " + reportHost.display()
                + " reaches the diagnostics org " + orgName + " (connected through "
                + (diagnosticsHost == null ? "an unrecorded host" : diagnosticsHost.display()) + ")");
    }

    public boolean same() {
        return relation == Relation.SAME;
    }

    public boolean different() {
        return relation == Relation.DIFFERENT;
    }

    static String orgName(OrgInfo info) {
        if (info == null) {
            return "(unknown)";
        }
        return info.name() != null && !info.name().isBlank() ? "'" + info.name() + "'" : String.valueOf(info.id());
    }

    static String kind(OrgInfo info) {
        if (info == null) {
            return "of unknown kind";
        }
        return info.scratch() ? "a scratch org" : info.sandbox() ? "a sandbox" : "a production org";
    }
}
