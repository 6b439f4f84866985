/**
 * What the feature packages' Faces pages share: messages in the page's language, ids read from
 * addresses, lazy lists, redirects, instants edited in UTC, data written into scripts, the text
 * converter. Stands on the platform only, so every floor's pages may use it.
 */
package io.tenantry.faces;
