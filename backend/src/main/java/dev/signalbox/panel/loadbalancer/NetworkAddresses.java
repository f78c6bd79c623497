package dev.signalbox.panel.loadbalancer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Syntax of host names and CIDR blocks, checked without ever asking DNS. */
public final class NetworkAddresses {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LABEL = Pattern.compile("[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private NetworkAddresses() {
    }

    /** A fully qualified DNS name: at least two labels, the last starting with a letter, at most 253 characters. */
    public static boolean isHostName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.isEmpty() || lower.length() > 253) {
            return false;
        }
        String[] labels = lower.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (int i = 0; i < labels.length - 1; i++) {
            if (!LABEL.matcher(labels[i]).matches()) {
                return false;
            }
        }
        return TOP_LABEL.matcher(labels[labels.length - 1]).matches();
    }

    /** What is wrong with a CIDR block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or null if nothing. */
    public static @Nullable String cidrProblem(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(slash + 1).matches("[0-9]{1,3}")) {
            return "'" + cidr + "' is not a CIDR block such as 10.0.0.0/8 or 2001:db8::/32";
        }
        byte[] address = parseAddress(cidr.substring(0, slash));
        if (address == null) {
            return "'" + cidr + "' does not start with an IPv4 or IPv6 address";
        }
        int bits = Integer.parseInt(cidr.substring(slash + 1));
        int max = address.length * 8;
        if (bits > max) {
            return "'" + cidr + "' has a prefix length above " + max;
        }
        for (int bit = bits; bit < max; bit++) {
            if ((address[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return "'" + cidr + "' has bits set after its prefix; did you mean " + network(address, bits) + "/"
                        + bits + "?";
            }
        }
        return null;
    }

    /** Whether the block {@code outer} contains every address of {@code inner}; both must be valid CIDR blocks. */
    public static boolean cidrContains(String outer, String inner) {
        byte[] outerAddress = parseAddress(outer.substring(0, outer.indexOf('/')));
        byte[] innerAddress = parseAddress(inner.substring(0, inner.indexOf('/')));
        int outerBits = Integer.parseInt(outer.substring(outer.indexOf('/') + 1));
        int innerBits = Integer.parseInt(inner.substring(inner.indexOf('/') + 1));
        if (outerAddress == null || innerAddress == null || outerAddress.length != innerAddress.length
                || outerBits > innerBits) {
            return false;
        }
        for (int bit = 0; bit < outerBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((outerAddress[bit / 8] & mask) != (innerAddress[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** An IPv4 or IPv6 literal as bytes, or null; never a DNS lookup. */
    static byte @Nullable [] parseAddress(String text) {
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        // only hex digits, colons and dots that contain a colon: the JDK parses these as an IPv6 literal
        if (!text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 ? bytes : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String network(byte[] address, int bits) {
        byte[] masked = address.clone();
        for (int bit = bits; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(masked).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
