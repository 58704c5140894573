package dev.logindoctor.model;

/**
 * What will break an integration's login before it breaks: stable identifiers, like {@link Cause},
 * used in output, storage, events and tests.
 */
public enum Risk {
    /** The integration user's password expires within the horizon. */
    PASSWORD_EXPIRES,
    /** The integration logs in with SOAP login(), which Salesforce is retiring. */
    SOAP_LOGIN_RETIRING,
    /** The integration uses the OAuth username-password flow, blocked in new orgs and External Client Apps. */
    PASSWORD_FLOW_RETIRING,
    /** The org (trial, sandbox, scratch) expires within the horizon. */
    ORG_EXPIRES,
    /** The certificate that goes with the integration's JWT key expires within the horizon. */
    CERTIFICATE_EXPIRES,
    /** Salesforce maintenance is scheduled on the org's instance within the horizon. */
    MAINTENANCE_SCHEDULED,
    /** The integration user is not API Only User where a profile or permission set enforces MFA. */
    MFA_EXPOSED,
    /** The user's login hours close within the next probe interval. */
    LOGIN_HOURS_CLOSING
}
