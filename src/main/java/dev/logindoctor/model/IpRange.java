package dev.logindoctor.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** One Login IP Range of a profile (inclusive), IPv4 or IPv6. */
public record IpRange(String start, String end, String description) {

    /** True when {@code address} lies within [start, end]; false for unparsable input or mixed families. */
    public boolean contains(String address) {
        byte[] a = literalBytes(address);
        byte[] lo = literalBytes(start);
        byte[] hi = literalBytes(end);
        if (a == null || lo == null || hi == null || a.length != lo.length || a.length != hi.length) {
            return false;
        }
        return Arrays.compareUnsigned(lo, a) <= 0 && Arrays.compareUnsigned(a, hi) <= 0;
    }

    /** True for an IPv4 or IPv6 address literal (no zone, no host name); never a DNS lookup. */
    public static boolean isAddress(String text) {
        return text != null && !text.contains("%") && literalBytes(text) != null;
    }

    /** Parses an IP literal without ever doing a DNS lookup. */
    static byte[] literalBytes(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        boolean ipv4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(t).getAddress();
            // IPv4-mapped IPv6 addresses compare as IPv4.
            if (bytes.length == 16 && isV4Mapped(bytes)) {
                return Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    @Override
    public String toString() {
        return start + "–" + end + (description == null || description.isBlank() ? "" : " (" + description + ")");
    }
}
