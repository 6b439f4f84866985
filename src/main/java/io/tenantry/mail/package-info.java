/** Outgoing mail: SMTP when configured, the log otherwise. */
package io.tenantry.mail;
