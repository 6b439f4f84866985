/**
 * A whole tenant as one archive: exported by its administrators, imported into an empty tenant to
 * give the same workspace (how a single tenant is restored without touching the others).
 */
package io.tenantry.archive;
