/** What every page shares: the shell around pages, addresses across hosts, error pages. */
package io.tenantry.web;
