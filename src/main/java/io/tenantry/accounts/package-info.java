/** Accounts, kept once in the public schema, and how callers prove who they are. */
package io.tenantry.accounts;
