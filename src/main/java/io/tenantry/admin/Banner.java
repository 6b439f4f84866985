package io.tenantry.admin;

/** What every tenant may see of a running announcement: its words and how loud it is. */
public record Banner(String message, Announcement.Severity severity) {
}
