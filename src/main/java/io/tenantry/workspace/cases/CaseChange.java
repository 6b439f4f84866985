package io.tenantry.workspace.cases;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One field of a case changed by someone at some time: the case's history. */
@Entity
@Table(name = "case_change")
public class CaseChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id")
    TestCase testCase;

    @Column(name = "account_id")
    Long accountId;

    @Column(name = "changed_at")
    OffsetDateTime changedAt;

    String field;

    @Column(name = "old_value")
    String oldValue;

    @Column(name = "new_value")
    String newValue;

    protected CaseChange() {
    }

    CaseChange(TestCase testCase, Long accountId, TestCase.FieldChange change) {
        this.changedAt = StoredTime.now();
        this.testCase = testCase;
        this.accountId = accountId;
        this.field = change.field();
        this.oldValue = change.oldValue();
        this.newValue = change.newValue();
    }

    public Long accountId() {
        return accountId;
    }

    public OffsetDateTime changedAt() {
        return changedAt;
    }

    public String field() {
        return field;
    }

    public String oldValue() {
        return oldValue;
    }

    public String newValue() {
        return newValue;
    }
}
