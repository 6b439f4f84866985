/**
 * The JSON REST API under /api: what every resource shares (the application, JSON bodies, list
 * parameters, errors as problem documents with status, title and detail) and the resources of
 * accounts, access and tenants. The features' resources live with their services.
 */
package io.tenantry.api;
