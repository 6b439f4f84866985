/**
 * What the whole application stands on: the database's name and connections, request bodies and
 * paths, refusals and their words, the request's language, error responses. Uses no other package
 * of Tenantry.
 */
package io.tenantry.platform;
