package io.tenantry.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The reverse proxies in front of Tenantry (TRUSTED_PROXIES: addresses and CIDR ranges). Only a
 * request whose connection comes from one of them may tell, in {@code Forwarded} or
 * {@code X-Forwarded-For}/{@code X-Forwarded-Proto}, who the client is and which scheme it used:
 * from anyone else those headers are ignored, as anyone can send them.
 */
public final class TrustedProxies {

    static final String EXAMPLE = "Set TRUSTED_PROXIES to the addresses of your reverse proxies, separated by "
            + "commas, for example TRUSTED_PROXIES=10.0.0.5,192.168.0.0/16, or leave it unset when clients connect "
            + "directly.";

    // Literals only: a host name here would be looked up in DNS, and could change under us.
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> ranges;
    private final String configured;

    private TrustedProxies(List<Range> ranges, String configured) {
        this.ranges = ranges;
        this.configured = configured;
    }

    /** Validates the configured list; the exception's message is meant for the operator. */
    public static TrustedProxies of(Optional<String> configured) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : configured.map(String::strip).orElse("").split("\\s*,\\s*")) {
            if (!entry.isEmpty()) {
                ranges.add(Range.parse(entry).orElseThrow(() -> new IllegalStateException("TRUSTED_PROXIES '"
                        + configured.get() + "' is not valid: '" + entry + "' is neither an IP address nor a CIDR "
                        + "range such as 10.0.0.0/8. " + EXAMPLE)));
            }
        }
        return new TrustedProxies(List.copyOf(ranges), ranges.isEmpty() ? "none" : configured.get().strip());
    }

    /** The configured list, for the start-up log. */
    @Override
    public String toString() {
        return configured;
    }

    /** Whether the address, as the servlet container gives it, is one of the proxies. */
    public boolean trusts(String address) {
        Optional<byte[]> bytes = literal(address);
        return bytes.isPresent() && ranges.stream().anyMatch(range -> range.contains(bytes.get()));
    }

    /**
     * The client's address: the connection's peer, or, when the peer is a trusted proxy, the
     * nearest address the proxies forwarded that is not itself a trusted proxy.
     */
    public String clientAddress(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusts(peer)) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusts(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    /** The scheme the client used: the connection's, or, from a trusted proxy, the one it forwarded. */
    public String scheme(HttpServletRequest request) {
        if (!trusts(request.getRemoteAddr())) {
            return request.getScheme();
        }
        String forwarded = standardOnly(request) ? request.getHeader("Forwarded") : null;
        Optional<String> proto = forwarded != null ? last(parameters(forwarded, "proto"))
                : last(values(request.getHeader("X-Forwarded-Proto")));
        return proto.map(p -> p.toLowerCase(Locale.ROOT)).filter(p -> p.equals("http") || p.equals("https"))
                .orElse(request.getScheme());
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        String forwarded = standardOnly(request) ? request.getHeader("Forwarded") : null;
        List<String> hops = forwarded != null ? parameters(forwarded, "for")
                : values(request.getHeader("X-Forwarded-For"));
        return hops.stream().map(TrustedProxies::withoutPort).toList();
    }

    /**
     * Whether to read {@code Forwarded} (RFC 7239): only when no {@code X-Forwarded-*} header came.
     * Most proxies write the X-Forwarded headers and pass a client's own {@code Forwarded} through
     * untouched, so where both came, the standard one may be the client's claim.
     */
    private static boolean standardOnly(HttpServletRequest request) {
        return request.getHeader("X-Forwarded-For") == null && request.getHeader("X-Forwarded-Proto") == null;
    }

    /** The values of one parameter across the elements of a Forwarded header (RFC 7239), in order. */
    private static List<String> parameters(String header, String name) {
        List<String> found = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
                    found.add(pair.substring(equals + 1).strip().replace("\"", ""));
                }
            }
        }
        return found;
    }

    private static List<String> values(String header) {
        return header == null ? List.of()
                : Arrays.stream(header.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private static Optional<String> last(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** "[2001:db8::1]:4711" → "2001:db8::1", "192.0.2.1:80" → "192.0.2.1"; anything else as it is. */
    private static String withoutPort(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close > 0 ? node.substring(1, close) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
    }

    private static Optional<byte[]> literal(String address) {
        if (address == null || !(IPV4.matcher(address).matches() || IPV6.matcher(address).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException malformed) {
            return Optional.empty();
        }
    }

    /** An address and how many of its leading bits a match must share. */
    private record Range(byte[] network, int prefix) {

        static Optional<Range> parse(String text) {
            int slash = text.indexOf('/');
            Optional<byte[]> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            int bits = address.get().length * 8;
            if (slash < 0) {
                return Optional.of(new Range(address.get(), bits));
            }
            String prefix = text.substring(slash + 1);
            if (!prefix.matches("[0-9]{1,3}") || Integer.parseInt(prefix) > bits) {
                return Optional.empty();
            }
            return Optional.of(new Range(address.get(), Integer.parseInt(prefix)));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
