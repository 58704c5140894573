package dev.logindoctor.sim;

import dev.logindoctor.model.LoginFlow;

/**
 * One login attempt as the login logic sees it, whatever the wire format was.
 *
 * @param passwordField what the password field carried (password with the token appended); null for
 *                      flows without a password
 * @param loginHost     the host the client addressed (Host header, or X-Sim-Login-Host)
 * @param foreignHost   true when that host reaches another org (e.g. production's login host for a
 *                      sandbox user): this org never sees the attempt, so it answers as an unknown user
 * @param app           the connected app of an OAuth flow, null for SOAP
 */
record LoginRequest(LoginFlow flow, String username, String passwordField, String sourceIp, String loginHost,
                    boolean foreignHost, String apiType, String apiVersion, String application, SimApp app) {

    @Override
    public String toString() {
        return "LoginRequest[" + flow + ", " + username + ", from " + sourceIp + "]";
    }
}
