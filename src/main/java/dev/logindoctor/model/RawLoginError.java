package dev.logindoctor.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a login error as an integration got it — a SOAP fault body, or the text of a client
 * library's exception — into a {@link ReportedError}. (A raw OAuth JSON body is JSON: the report
 * parser reads it as an {@code error} object.) Shapes recognised (docs/INTEGRATIONS.md, "What rawError accepts"):
 * <ul>
 *   <li>SOAP fault: {@code <faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: ...}, or the
 *       fault detail's {@code exceptionCode}/{@code exceptionMessage}, with any namespace prefix</li>
 *   <li>the Java WSC {@code LoginFault.toString()}: {@code exceptionCode='INVALID_LOGIN' exceptionMessage='...'}</li>
 *   <li>a line such as jsforce's {@code Error: INVALID_LOGIN: Invalid username, ...}, simple-salesforce's
 *       {@code SalesforceAuthenticationFailed: Authentication failed (code: INVALID_LOGIN): ...} (older releases:
 *       {@code SalesforceAuthenticationFailed: sf:INVALID_LOGIN: INVALID_LOGIN: ...}) or
 *       {@code invalid_grant: authentication failure}</li>
 * </ul>
 * Anything else is empty: guessing a code would risk a wrong cause.
 */
public final class RawLoginError {
    private static final Pattern XML_ELEMENT = Pattern.compile("<(?:[A-Za-z0-9_]+:)?%s(?:\\s[^>]*)?>([^<]*)</(?:[A-Za-z0-9_]+:)?%s>");
    private static final Pattern WSC_CODE = Pattern.compile("exceptionCode='([^']*)'");
    private static final Pattern WSC_MESSAGE = Pattern.compile("exceptionMessage='([^']*)'", Pattern.DOTALL);
    /** An exception's class name in front of its message: "Error: ", "SalesforceAuthenticationFailed: ", "com.sforce...LoginFault: ". */
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[A-Za-z_$][A-Za-z0-9_$]*\\.)*(?:[A-Z][A-Za-z0-9_$]*)?(?:Error|Exception|Failed|Fault)\\s*:\\s*");
    /** A Salesforce code (INVALID_LOGIN, sf:INVALID_LOGIN) or an OAuth error (invalid_grant) before ": ". */
    /** simple-salesforce 1.12.10 words its exception "Authentication failed (code: INVALID_LOGIN): Invalid ...". */
    private static final Pattern AUTHENTICATION_FAILED = Pattern.compile("^Authentication failed \\(code: ([^)]*)\\):\\s*");
    private static final Pattern CODE_FIRST = Pattern.compile("^((?:[A-Za-z]+:)?[A-Z][A-Z0-9_]*_[A-Z0-9_]+|[a-z]+_[a-z0-9_]+):\\s*(.*)$", Pattern.DOTALL);

    private RawLoginError() {
    }

    public static Optional<ReportedError> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (text.startsWith("<") || text.contains("<soapenv:") || text.contains(":Envelope")) {
            return soapFault(text);
        }
        Matcher wscCode = WSC_CODE.matcher(text);
        if (wscCode.find()) {
            Matcher message = WSC_MESSAGE.matcher(text);
            return Optional.of(new ReportedError(wscCode.group(1), message.find() ? message.group(1) : ""));
        }
        return line(text);
    }

    private static Optional<ReportedError> soapFault(String xml) {
        String code = element(xml, "exceptionCode");
        String message = element(xml, "exceptionMessage");
        if (code == null) {
            code = element(xml, "faultcode");
            message = element(xml, "faultstring");
        }
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(withoutRepeatedCode(new ReportedError(code, message)));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile(XML_ELEMENT.pattern().formatted(name, name)).matcher(xml);
        return m.find() ? unescapeXml(m.group(1).strip()) : null;
    }

    private static Optional<ReportedError> line(String text) {
        String rest = CLASS_PREFIX.matcher(text).replaceFirst("");
        Matcher wrapped = AUTHENTICATION_FAILED.matcher(rest);
        if (wrapped.lookingAt()) {
            // the code still has to look like one below: "(code: 500)", an HTTP status, is not Salesforce's
            rest = wrapped.group(1) + ": " + rest.substring(wrapped.end());
        }
        Matcher code = CODE_FIRST.matcher(rest);
        if (!code.matches()) {
            return Optional.empty();
        }
        return Optional.of(withoutRepeatedCode(new ReportedError(code.group(1), code.group(2))));
    }

    /** simple-salesforce and SOAP faults put the code twice: "sf:INVALID_LOGIN" then "INVALID_LOGIN: Invalid ...". */
    private static ReportedError withoutRepeatedCode(ReportedError error) {
        String prefix = error.code() + ":";
        if (error.description().regionMatches(true, 0, prefix, 0, prefix.length())) {
            return new ReportedError(error.code(), error.description().substring(prefix.length()));
        }
        return error;
    }

    private static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
