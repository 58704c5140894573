package dev.logindoctor.steps;

import dev.logindoctor.model.Evidence;
import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.TrustEvidence;

import java.util.Optional;

/**
 * The shared readings of one piece of evidence, each computed once on first use: every step reads
 * a shared signal through the same object, so steps that share a signal cannot disagree about it.
 */
public final class Facts {
    private final FailureReport report;
    private final OrgEvidence org;
    private final TrustEvidence trust;
    private LoginHost host;
    private ErrorSignals errors;
    private OrgScope scope;
    private ExplainingRow row;
    private IpCheck ip;
    private HoursCheck hours;
    private TokenState token;
    private CredentialFailure credential;
    private AccessRestriction restriction;
    private Optional<WrongEndpoint> wrongEndpoint;

    private Facts(Evidence evidence) {
        this.report = evidence.report();
        // A step that declared no need for the org may still be handed none.
        this.org = evidence.org() != null ? evidence.org() : OrgEvidence.unavailable("the org evidence was not fetched for this step", 0);
        this.trust = evidence.trust();
    }

    public static Facts of(Evidence evidence) {
        return new Facts(evidence);
    }

    public FailureReport report() {
        return report;
    }

    /** Never null: an unavailable stand-in when no org evidence was handed over. */
    public OrgEvidence org() {
        return org;
    }

    /** May be null when the step did not declare it needs Trust. */
    public TrustEvidence trust() {
        return trust;
    }

    public LoginHost host() {
        if (host == null) {
            host = LoginHost.of(report.loginUrl());
        }
        return host;
    }

    public ErrorSignals errors() {
        if (errors == null) {
            errors = new ErrorSignals(report.error(), report.flow());
        }
        return errors;
    }

    public OrgScope scope() {
        if (scope == null) {
            scope = OrgScope.of(report, org);
        }
        return scope;
    }

    public ExplainingRow row() {
        if (row == null) {
            row = ExplainingRow.of(report, org);
        }
        return row;
    }

    public IpCheck ip() {
        if (ip == null) {
            ip = IpCheck.of(report, org, row());
        }
        return ip;
    }

    public HoursCheck hours() {
        if (hours == null) {
            hours = HoursCheck.of(report.failedAt(), org);
        }
        return hours;
    }

    public TokenState token() {
        if (token == null) {
            token = TokenState.of(this);
        }
        return token;
    }

    public CredentialFailure credential() {
        if (credential == null) {
            credential = CredentialFailure.of(this);
        }
        return credential;
    }

    public AccessRestriction restriction() {
        if (restriction == null) {
            restriction = AccessRestriction.of(this);
        }
        return restriction;
    }

    public Optional<WrongEndpoint> wrongEndpoint() {
        if (wrongEndpoint == null) {
            wrongEndpoint = WrongEndpoint.of(this);
        }
        return wrongEndpoint;
    }

    /** The username as the Setup pages show it. */
    public String username() {
        return org.available() && org.user() != null && org.user().username() != null ? org.user().username() : report.username();
    }
}
