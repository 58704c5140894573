package dev.logindoctor.probe;

import dev.logindoctor.salesforce.LoginRejected;
import dev.logindoctor.salesforce.LoginSuccess;
import dev.logindoctor.salesforce.SalesforceException;
import dev.logindoctor.salesforce.UnusableCredentials;

/**
 * Logs in ONCE as the integration, with its own flow and credential, through the Salesforce login
 * clients. The only place Login Doctor uses an integration's credentials; never retries.
 */
@FunctionalInterface
public interface ProbeLogin {

    /**
     * @param credential the credential secret's value (JSON); used for this login only
     * @throws LoginRejected       Salesforce refused the login (the failure to diagnose)
     * @throws UnusableCredentials the secret lacks what the flow needs; nothing was sent
     * @throws SalesforceException Salesforce gave no verdict (timeout, 5xx, throttled, garbled answer)
     */
    LoginSuccess login(Integration integration, String credential);
}
