/** The JSON REST API under /api; errors are problem documents (status, title, detail). */
package io.tenantry.api;
