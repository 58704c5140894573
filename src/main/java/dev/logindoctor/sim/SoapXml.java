package dev.logindoctor.sim;

/** Writes the SOAP 1.1 envelopes of login(): LoginResult, LoginFault and UnexpectedErrorFault. */
final class SoapXml {
    private static final String ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private final boolean partner;

    SoapXml(boolean partner) {
        this.partner = partner;
    }

    private String apiNs() {
        return partner ? "urn:partner.soap.sforce.com" : "urn:enterprise.soap.sforce.com";
    }

    private String faultNs() {
        return partner ? "urn:fault.partner.soap.sforce.com" : "urn:fault.enterprise.soap.sforce.com";
    }

    String loginFault(String code, String message) {
        return fault("LoginFault", code, message);
    }

    String unexpectedError(String code, String message) {
        return fault("UnexpectedErrorFault", code, message);
    }

    private String fault(String type, String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + ENV + "\" xmlns:sf=\"" + faultNs() + "\" xmlns:xsi=\"" + XSI + "\">"
                + "<soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + code + "</faultcode>"
                + "<faultstring>" + esc(code + ": " + message) + "</faultstring>"
                + "<detail><sf:" + type + " xsi:type=\"sf:" + type + "\">"
                + "<sf:exceptionCode>" + code + "</sf:exceptionCode>"
                + "<sf:exceptionMessage>" + esc(message) + "</sf:exceptionMessage>"
                + "</sf:" + type + "></detail>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
    }

    String loginResponse(SimulatedOrg sim, SimUser user, String sessionId, String version) {
        OrgState org = sim.state();
        String base = sim.baseUrl();
        String kind = partner ? "u" : "c";
        StringBuilder b = new StringBuilder(2048);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .append("<soapenv:Envelope xmlns:soapenv=\"").append(ENV).append("\" xmlns=\"").append(apiNs())
                .append("\" xmlns:xsi=\"").append(XSI).append("\"><soapenv:Body><loginResponse><result>");
        el(b, "metadataServerUrl", base + "/services/Soap/m/" + version + "/" + org.orgId.substring(0, 15));
        // An expired password still logs in; every call but setPassword() then fails (docs/salesforce-wire-facts.md).
        el(b, "passwordExpired", String.valueOf(sim.state().passwordExpired(user)));
        el(b, "sandbox", String.valueOf(org.sandbox));
        el(b, "serverUrl", base + "/services/Soap/" + kind + "/" + version + "/" + org.orgId.substring(0, 15));
        el(b, "sessionId", sessionId);
        el(b, "userId", user.id);
        b.append("<userInfo>");
        el(b, "accessibilityMode", "false");
        el(b, "chatterExternal", "false");
        el(b, "currencySymbol", "$");
        el(b, "orgAttachmentFileSizeLimit", "5242880");
        el(b, "orgDefaultCurrencyIsoCode", "USD");
        el(b, "orgDefaultCurrencyLocale", "en_US");
        el(b, "orgDisallowHtmlAttachments", "false");
        el(b, "orgHasPersonAccounts", "false");
        el(b, "organizationId", org.orgId);
        el(b, "organizationMultiCurrency", "false");
        el(b, "organizationName", org.orgName);
        el(b, "profileId", user.profile.id);
        b.append("<roleId xsi:nil=\"true\"/>");
        el(b, "sessionSecondsValid", String.valueOf(sim.sessions().secondsValid()));
        b.append("<userDefaultCurrencyIsoCode xsi:nil=\"true\"/>");
        el(b, "userEmail", user.email);
        el(b, "userFullName", user.fullName());
        el(b, "userId", user.id);
        el(b, "userLanguage", "en_US");
        el(b, "userLocale", "en_US");
        el(b, "userName", user.username);
        el(b, "userTimeZone", org.timeZone);
        el(b, "userType", user.userType);
        el(b, "userUiSkin", "Theme3");
        b.append("</userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>");
        return b.toString();
    }

    private static void el(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>').append(esc(value)).append("</").append(name).append('>');
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
