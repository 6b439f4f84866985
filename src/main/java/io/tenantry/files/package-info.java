/** Files kept per tenant on disk, under a configurable root. */
package io.tenantry.files;
