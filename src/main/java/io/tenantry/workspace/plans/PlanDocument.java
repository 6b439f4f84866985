package io.tenantry.workspace.plans;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The text of a test plan, one to one with it and kept apart because lists never need it. */
@Entity
@Table(name = "plan_document")
public class PlanDocument {

    @Id
    @Column(name = "plan_id")
    Long planId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    TestPlan plan;

    String text = "";

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    Long updatedBy;

    protected PlanDocument() {
    }

    PlanDocument(TestPlan plan, Long authorId) {
        this.updatedAt = StoredTime.now();
        this.plan = plan;
        this.updatedBy = authorId;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public Long updatedBy() {
        return updatedBy;
    }

    void write(String text, Long accountId) {
        this.text = text;
        this.updatedBy = accountId;
        this.updatedAt = StoredTime.now();
    }
}
