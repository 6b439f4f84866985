/**
 * Who may enter a tenant and what they may do there: {@link io.tenantry.access.TenantAccess} decides,
 * {@link io.tenantry.access.Requires} enforces it on services, {@link io.tenantry.access.AccessGate} on pages;
 * entering one from the public host ({@code /go/<label>}), and creating one from the web.
 */
package io.tenantry.access;
