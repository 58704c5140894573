package dev.logindoctor.risks;

import dev.logindoctor.model.Lookup;
import dev.logindoctor.model.OrgEvidence;
import dev.logindoctor.model.RiskEvidence;

/**
 * Whether the org evidence is about the integration's org and user. Usernames are unique across
 * every Salesforce org, so the integration's username found in the diagnostics org ties the two;
 * anything else leaves the org's fields unusable as evidence (a gap, never a risk).
 */
final class OrgRead {
    private OrgRead() {
    }

    /** Null when the org evidence speaks for the integration's user; else why not. */
    static String notUsable(RiskEvidence e) {
        OrgEvidence org = e.org();
        if (org == null) {
            return "the org was not read";
        }
        if (!org.available()) {
            return org.gap("user");
        }
        if (org.userLookup() == Lookup.NOT_FOUND) {
            return "the diagnostics org has no user " + e.integration().username()
                    + ": it is not the integration's org, so its settings say nothing about this integration";
        }
        if (org.userLookup() != Lookup.FOUND || org.user() == null) {
            return "the integration user could not be read: " + org.gap("user");
        }
        return null;
    }
}
