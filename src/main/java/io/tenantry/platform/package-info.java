/** What the whole application stands on: the database, start-up, readiness and error responses. */
package io.tenantry.platform;
