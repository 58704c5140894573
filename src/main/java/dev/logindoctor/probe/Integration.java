package dev.logindoctor.probe;

import dev.logindoctor.model.LoginFlow;
import dev.logindoctor.model.LoginUrl;

import java.util.Locale;

/**
 * A registered integration the health probe logs in as (item {@code pk = INTEGRATION#{id}, sk = CONFIG}).
 * It names its secrets, never holds them.
 *
 * @param credentialSecret  the secret with the integration's own credential (what it logs in with)
 * @param diagnosticsSecret the secret with the diagnostics connection for its org; null = diagnose on public evidence only
 * @param instance          the org's Salesforce instance (e.g. NA224) for the Trust maintenance check; null = derived
 *                          from a My Domain login host when possible
 */
public record Integration(
        String id,
        String loginUrl,
        String username,
        LoginFlow flow,
        String credentialSecret,
        String diagnosticsSecret,
        String instance,
        boolean enabled) {

    public Integration {
        IntegrationRules.check(id, loginUrl, username, flow, credentialSecret, diagnosticsSecret, instance);
        loginUrl = loginUrl.endsWith("/") ? loginUrl.substring(0, loginUrl.length() - 1) : loginUrl;
        instance = instance == null || instance.isBlank() ? null : instance.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Which org the integration belongs to, for one Trust lookup and a concurrency bound per org:
     * the instance when known, else the login host (a My Domain host is one org; a shared host such
     * as login.salesforce.com groups more than one, which only makes the bound stricter).
     */
    public String orgKey() {
        return instance != null ? instance : LoginUrl.parse(loginUrl).host();
    }

    public Integration withEnabled(boolean on) {
        return new Integration(id, loginUrl, username, flow, credentialSecret, diagnosticsSecret, instance, on);
    }
}
