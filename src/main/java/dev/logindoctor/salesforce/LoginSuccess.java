package dev.logindoctor.salesforce;

/**
 * A login Salesforce accepted. The session lives only inside {@link AccessToken}, whose toString is
 * redacted, so this record prints safely.
 *
 * @param instanceUrl     where the org's API is served (OAuth instance_url, or the SOAP serverUrl's origin)
 * @param sandbox         null when the login answer does not say (OAuth)
 * @param passwordExpired SOAP only: the session works for setPassword() and nothing else
 */
public record LoginSuccess(String instanceUrl, String userId, String orgId, Boolean sandbox, boolean passwordExpired,
                           AccessToken accessToken) {
}
