package io.tenantry.admin;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message from the platform's operators, shown as a banner in every tenant while it runs.
 * Managed from the master tenant only; other tenants see just the banner ({@link Banners}).
 */
@Entity
@Table(schema = "public", name = "announcement")
@MasterOnly
@EntityListeners(MasterOnlyGuard.class)
public class Announcement {

    public enum Severity {
        INFO, WARNING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String message;

    @Enumerated(EnumType.STRING)
    Severity severity = Severity.INFO;

    @Column(name = "starts_at")
    OffsetDateTime startsAt;

    @Column(name = "ends_at")
    OffsetDateTime endsAt;

    protected Announcement() {
    }

    Announcement(String message, Severity severity, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        this.message = message;
        this.severity = severity;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    void end(OffsetDateTime at) {
        endsAt = at;
    }

    public long id() {
        return id;
    }

    public String message() {
        return message;
    }

    public Severity severity() {
        return severity;
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }
}
