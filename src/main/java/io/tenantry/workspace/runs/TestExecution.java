package io.tenantry.workspace.runs;

import java.time.OffsetDateTime;

import io.tenantry.workspace.cases.TestCase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One case in one run: who runs it, and how it went. */
@Entity
@Table(name = "test_execution")
public class TestExecution {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", updatable = false)
    TestRun run;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_id", updatable = false)
    TestCase testCase;

    @Column(name = "assignee_id")
    Long assigneeId;

    @Enumerated(EnumType.STRING)
    ExecutionStatus status = ExecutionStatus.IDLE;

    String comment = "";

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "finished_at")
    OffsetDateTime finishedAt;

    protected TestExecution() {
    }

    TestExecution(TestRun run, TestCase testCase, Long assigneeId) {
        this.run = run;
        this.testCase = testCase;
        this.assigneeId = assigneeId;
    }

    public Long id() {
        return id;
    }

    public TestRun run() {
        return run;
    }

    public TestCase testCase() {
        return testCase;
    }

    public Long assigneeId() {
        return assigneeId;
    }

    public ExecutionStatus status() {
        return status;
    }

    public String comment() {
        return comment;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    void assign(Long accountId) {
        this.assigneeId = accountId;
    }

    /** Records an outcome: times follow the status (started when it leaves IDLE, finished when final). */
    void record(ExecutionStatus status, String comment, OffsetDateTime at) {
        this.status = status;
        if (comment != null) {
            this.comment = comment;
        }
        if (status == ExecutionStatus.IDLE) {
            startedAt = null;
        } else if (startedAt == null) {
            startedAt = at;
        }
        finishedAt = status.isFinal() ? at : null;
    }
}
