/**
 * The composition root: checks the settings, prepares the database and starts the upgrades at
 * start-up, and tells readiness. The only package that may use every floor; nothing uses it.
 */
package io.tenantry.startup;
