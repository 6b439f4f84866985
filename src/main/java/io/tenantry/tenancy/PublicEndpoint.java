package io.tenantry.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How people reach Tenantry, when it differs from how the server is reached: the scheme
 * (PUBLIC_SCHEME) and port (PUBLIC_PORT) that a TLS proxy in front of it answers on. Either may be
 * unset; addresses then take them from the connection.
 */
public record PublicEndpoint(Optional<String> scheme, OptionalInt port) {

    static final String EXAMPLE = "Behind a TLS proxy on the standard port set PUBLIC_SCHEME=https and "
            + "PUBLIC_PORT=443; leave both unset when people reach the server directly.";

    /** Validates the configured values; the exception's message names the variable and is meant for the operator. */
    public static PublicEndpoint of(Optional<String> scheme, Optional<String> port) {
        Optional<String> checkedScheme = scheme.map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT));
        if (checkedScheme.filter(s -> !s.equals("http") && !s.equals("https")).isPresent()) {
            throw new IllegalStateException("PUBLIC_SCHEME '" + scheme.get() + "' is neither http nor https. " + EXAMPLE);
        }
        Optional<String> portText = port.map(String::strip).filter(p -> !p.isEmpty());
        if (portText.isEmpty()) {
            return new PublicEndpoint(checkedScheme, OptionalInt.empty());
        }
        if (!portText.get().matches("[0-9]{1,5}") || Integer.parseInt(portText.get()) < 1
                || Integer.parseInt(portText.get()) > 65535) {
            throw new IllegalStateException("PUBLIC_PORT '" + port.get() + "' is not a port number from 1 to 65535. "
                    + EXAMPLE);
        }
        return new PublicEndpoint(checkedScheme, OptionalInt.of(Integer.parseInt(portText.get())));
    }

    /** Neither configured. */
    public static PublicEndpoint asConnected() {
        return new PublicEndpoint(Optional.empty(), OptionalInt.empty());
    }
}
