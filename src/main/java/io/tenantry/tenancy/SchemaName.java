package io.tenantry.tenancy;

import java.util.regex.Pattern;

/**
 * The PostgreSQL schema holding one tenant's tables. A label maps to its schema by turning '-'
 * into '_', which is collision-free because labels never contain '_'. The platform's own schemas
 * start with '_', which no label can produce. Always quoted when it reaches SQL.
 */
public record SchemaName(String value) {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9_]{1,63}");

    /** The empty schema kept at the newest migration, cloned for every new tenant. */
    public static final SchemaName TEMPLATE = new SchemaName("_template");

    public SchemaName {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a tenant schema name: " + value);
        }
    }

    public static SchemaName of(TenantLabel label) {
        return label.equals(TenantLabel.PUBLIC)
                ? new SchemaName("_public")
                : new SchemaName(label.value().replace('-', '_'));
    }

    /** The name as a quoted SQL identifier; safe because the characters are limited above. */
    public String quoted() {
        return '"' + value + '"';
    }

    @Override
    public String toString() {
        return value;
    }
}
