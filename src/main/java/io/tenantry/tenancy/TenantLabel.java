package io.tenantry.tenancy;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.tenantry.platform.Reason;

/**
 * A tenant's name in host names: one DNS label of lower-case letters, digits and inner hyphens,
 * 1 to 63 characters. Holds the rules for well-formed labels and for labels a new tenant may take.
 */
public record TenantLabel(String value) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** The label of the public (main) tenant, served on {@code public.<domain>} and the bare domain. */
    public static final TenantLabel PUBLIC = new TenantLabel("public");

    /**
     * Names that would confuse people or collide with the platform's own hosts, schemas and metric tags.
     * Labels map to schema names by turning '-' into '_', hence "information-schema" and "pg-". The
     * metrics tag the tenants beyond their bound and the requests of no tenant with words of their own
     * ({@link TenantTags}): a tenant so named would add to those series, and its tag, taken away, would
     * take them away with it.
     */
    private static final Set<String> RESERVED = Set.of(TenantTags.OTHER, TenantTags.NONE,
            "public", "www", "template", "information-schema", "api", "admin", "administrator",
            "root", "master", "mail", "smtp", "imap", "pop", "ftp", "ns", "ns1", "ns2", "dns",
            "static", "assets", "cdn", "media", "files", "status", "health", "metrics", "openapi",
            "login", "signin", "signup", "register", "account", "accounts", "auth", "sso", "id",
            "support", "help", "docs", "billing", "security", "localhost", "tenantry");

    public TenantLabel {
        if (!isWellFormed(value)) {
            throw new InvalidTenantLabelException(value, problemWith(value).orElse(Reason.of("label.invalid")));
        }
    }

    /** Whether the text can be a label at all (used for routing: anything else is simply unknown). */
    public static boolean isWellFormed(String text) {
        return text != null && DNS_LABEL.matcher(text).matches();
    }

    /** Parses a label requested for a new tenant, applying the reserved names as well. */
    public static TenantLabel forNewTenant(String text) {
        Optional<Reason> problem = problemWith(text);
        if (problem.isPresent()) {
            throw new InvalidTenantLabelException(text, problem.get());
        }
        return new TenantLabel(text);
    }

    /** What is wrong with the text as a new tenant's label, in words a person can act on. */
    public static Optional<Reason> problemWith(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(Reason.of("label.empty"));
        }
        if (text.length() > 63) {
            return Optional.of(Reason.of("label.tooLong", text.length()));
        }
        if (!text.equals(text.toLowerCase(java.util.Locale.ROOT)) && isWellFormed(text.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of(Reason.of("label.upperCase"));
        }
        if (!isWellFormed(text)) {
            return Optional.of(Reason.of("label.characters"));
        }
        if (text.length() >= 4 && text.startsWith("--", 2)) {
            return Optional.of(Reason.of("label.punycode"));
        }
        if (RESERVED.contains(text) || text.startsWith("pg-")) {
            return Optional.of(Reason.of("label.reserved"));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
