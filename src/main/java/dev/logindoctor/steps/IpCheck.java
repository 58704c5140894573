package dev.logindoctor.steps;

import dev.logindoctor.model.FailureReport;
import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.OrgEvidence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the address Salesforce saw lies inside the user's profile Login IP Ranges. The explaining
 * row's SourceIp beats the report's sourceIp: behind NAT the integration does not know its public address.
 */
public record IpCheck(Result result, String ip, String profile, List<IpRange> ranges, String line) {

    public enum Result { INSIDE, OUTSIDE, NO_RANGES, UNKNOWN }

    public static IpCheck of(FailureReport report, OrgEvidence org, ExplainingRow row) {
        String profile = profileName(org);
        if (org == null || !org.available() || org.ipRanges() == null) {
            return new IpCheck(Result.UNKNOWN, null, profile, List.of(),
                    "Login IP Ranges unknown: " + (org == null ? "the org was not read" : org.gap("ipRanges")));
        }
        if (org.ipRanges().isEmpty()) {
            return new IpCheck(Result.NO_RANGES, null, profile, List.of(), "profile " + profile + " has no Login IP Ranges");
        }
        String ip = row.sourceIp(report);
        String ranges = describe(org.ipRanges());
        if (ip == null) {
            return new IpCheck(Result.UNKNOWN, null, profile, org.ipRanges(), "profile " + profile + " allows only "
                    + ranges + ", but the source IP is unknown (no sourceIp in the report, no LoginHistory row)");
        }
        if (!parsable(ip)) {
            return new IpCheck(Result.UNKNOWN, ip, profile, org.ipRanges(), "source IP '" + ip + "' is not an IP address");
        }
        String seen = seenFrom(report, row, ip);
        for (IpRange range : org.ipRanges()) {
            if (range.contains(ip)) {
                return new IpCheck(Result.INSIDE, ip, profile, org.ipRanges(),
                        "source IP " + ip + seen + " is inside profile " + profile + "'s Login IP Range " + range);
            }
        }
        return new IpCheck(Result.OUTSIDE, ip, profile, org.ipRanges(),
                "source IP " + ip + seen + " is outside every Login IP Range of profile " + profile + ": " + ranges);
    }

    private static String seenFrom(FailureReport report, ExplainingRow row, String ip) {
        boolean fromRow = row.row().map(r -> ip.equals(r.sourceIp() == null ? null : r.sourceIp().strip())).orElse(false);
        if (!fromRow) {
            return " (from the report)";
        }
        String reported = report.sourceIp();
        if (reported != null && !reported.isBlank() && !reported.strip().equals(ip)) {
            return " (the LoginHistory row's SourceIp; the report said " + reported.strip() + ": NAT)";
        }
        return " (the LoginHistory row's SourceIp)";
    }

    private static boolean parsable(String ip) {
        // IpRange parses literals only (never DNS); a single-address range contains the address iff it parses.
        return new IpRange(ip, ip, null).contains(ip);
    }

    static String describe(List<IpRange> ranges) {
        return ranges.stream().map(IpRange::toString).collect(Collectors.joining(", "));
    }

    static String profileName(OrgEvidence org) {
        if (org == null || org.user() == null) {
            return "(the user's profile)";
        }
        String name = org.user().profileName();
        return name != null && !name.isBlank() ? name : org.user().profileId() != null ? org.user().profileId() : "(the user's profile)";
    }
}
