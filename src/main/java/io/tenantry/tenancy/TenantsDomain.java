package io.tenantry.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parent domain of every tenant's host name (TENANTS_DOMAIN): {@code acme.<domain>} is tenant
 * acme, {@code public.<domain>} and the bare domain are the public tenant. Reads host headers.
 */
public final class TenantsDomain {

    static final String EXAMPLE = "Set TENANTS_DOMAIN to the parent domain of your tenants' host names, "
            + "for example TENANTS_DOMAIN=tenants.example.com (tenant 'acme' is then served at "
            + "acme.tenants.example.com), or TENANTS_DOMAIN=localhost on a developer's machine.";

    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("[0-9.]+");

    private final String domain;
    private final String suffix;

    private TenantsDomain(String domain) {
        this.domain = domain;
        this.suffix = "." + domain;
    }

    /** Validates the configured value; the exception's message is meant for the operator. */
    public static TenantsDomain of(Optional<String> configured) {
        String raw = configured.map(String::trim).orElse("");
        if (raw.isEmpty()) {
            throw new IllegalStateException("TENANTS_DOMAIN is not set. " + EXAMPLE);
        }
        String normalised = raw.toLowerCase(Locale.ROOT);
        if (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        if (!DOMAIN.matcher(normalised).matches() || IPV4.matcher(normalised).matches()) {
            throw new IllegalStateException("TENANTS_DOMAIN '" + raw + "' is not a valid domain name. " + EXAMPLE);
        }
        return new TenantsDomain(normalised);
    }

    public String name() {
        return domain;
    }

    /**
     * The tenant label a Host header names, if it names one under this domain. Foreign domains,
     * deeper sub-domains, IP addresses and malformed hosts name none.
     */
    public Optional<TenantLabel> labelOf(String hostHeader) {
        String host = hostWithoutPort(hostHeader);
        if (host == null) {
            return Optional.empty();
        }
        if (host.equals(domain)) {
            return Optional.of(TenantLabel.PUBLIC);
        }
        if (!host.endsWith(suffix)) {
            return Optional.empty();
        }
        String label = host.substring(0, host.length() - suffix.length());
        return TenantLabel.isWellFormed(label) ? Optional.of(new TenantLabel(label)) : Optional.empty();
    }

    /** The address of a tenant, as people type it. */
    public String hostOf(TenantLabel label) {
        return label.value() + suffix;
    }

    /**
     * The root address of a tenant (no trailing slash) with this scheme and port (0: the scheme's
     * default); which scheme and port people use is {@link TenantUrls}' to say.
     */
    public String urlOf(TenantLabel label, String scheme, int port) {
        boolean defaultPort = port <= 0 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
        return scheme + "://" + hostOf(label) + (defaultPort ? "" : ":" + port);
    }

    private static String hostWithoutPort(String header) {
        if (header == null || header.isBlank() || header.startsWith("[")) {
            return null; // IPv6 literals are never tenant hosts
        }
        String host = header.trim().toLowerCase(Locale.ROOT);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            if (colon != host.lastIndexOf(':') || !host.substring(colon + 1).matches("[0-9]{1,5}")) {
                return null;
            }
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.isEmpty() ? null : host;
    }
}
