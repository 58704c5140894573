package dev.logindoctor.probe;

import dev.logindoctor.salesforce.HttpTransport;
import dev.logindoctor.salesforce.IntegrationCredentials;
import dev.logindoctor.salesforce.IntegrationLogin;
import dev.logindoctor.salesforce.LoginSuccess;

import java.net.URI;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The probe's login through the Salesforce login clients ({@link IntegrationLogin}): SOAP login() or
 * the integration's OAuth grant, once. A login URL that names a SOAP endpoint
 * ({@code https://acme.my.salesforce.com/services/Soap/u/65.0}) gives its API version, which matters:
 * SOAP login() is refused above v64.0.
 */
public final class SalesforceProbeLogin implements ProbeLogin {
    private static final Pattern SOAP_ENDPOINT = Pattern.compile("/services/Soap/[uc]/(\\d{1,3}\\.\\d)/?.*");

    private final IntegrationLogin login;

    public SalesforceProbeLogin(HttpTransport transport, Clock clock) {
        this.login = new IntegrationLogin(transport, clock);
    }

    @Override
    public LoginSuccess login(Integration integration, String credential) {
        URI url = URI.create(integration.loginUrl());
        Matcher soap = SOAP_ENDPOINT.matcher(url.getPath() == null ? "" : url.getPath());
        String base = soap.matches() ? url.getScheme() + "://" + url.getRawAuthority() : integration.loginUrl();
        String apiVersion = soap.matches() ? soap.group(1) : null;
        return login.attempt(integration.flow(), base, integration.username(), apiVersion, IntegrationCredentials.parse(credential));
    }
}
