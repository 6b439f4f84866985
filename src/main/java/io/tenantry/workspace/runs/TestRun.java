package io.tenantry.workspace.runs;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tenantry.platform.ConflictException;
import io.tenantry.workspace.plans.TestPlan;
import io.tenantry.workspace.products.Build;
import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One pass of a plan's cases against a build: an execution per case. */
@Entity
@Table(name = "test_run")
public class TestRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id", updatable = false)
    TestPlan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "build_id")
    Build build;

    String summary;

    @Column(name = "manager_id")
    Long managerId;

    @Column(name = "default_tester_id")
    Long defaultTesterId;

    @Column(name = "planned_start")
    LocalDate plannedStart;

    @Column(name = "planned_finish")
    LocalDate plannedFinish;

    @Column(name = "started_at")
    OffsetDateTime startedAt;

    @Column(name = "finished_at")
    OffsetDateTime finishedAt;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    @OneToMany(mappedBy = "run")
    @OrderBy("id")
    List<TestExecution> executions = new ArrayList<>();

    protected TestRun() {
    }

    TestRun(TestPlan plan) {
        this.createdAt = StoredTime.now();
        this.plan = plan;
    }

    public Long id() {
        return id;
    }

    public TestPlan plan() {
        return plan;
    }

    public Build build() {
        return build;
    }

    public String summary() {
        return summary;
    }

    public Long managerId() {
        return managerId;
    }

    public Long defaultTesterId() {
        return defaultTesterId;
    }

    public LocalDate plannedStart() {
        return plannedStart;
    }

    public LocalDate plannedFinish() {
        return plannedFinish;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<TestExecution> executions() {
        return executions;
    }

    void change(RunDraft draft) {
        summary = draft.summary();
        build = draft.build();
        managerId = draft.managerId();
        defaultTesterId = draft.defaultTesterId();
        plannedStart = draft.plannedStart();
        plannedFinish = draft.plannedFinish();
    }

    /** The first execution that moves starts the run. */
    void started(OffsetDateTime at) {
        if (startedAt == null) {
            startedAt = at;
        }
    }

    /** Whether someone finished the run; its executions then stay as they are until it is re-opened. */
    public boolean isFinished() {
        return finishedAt != null;
    }

    /**
     * Finishes the run at the time given (its stop date), whatever its executions' statuses: a person
     * decides that the run is over, as in Kiwi TCMS. Refused (409) when finished already.
     */
    void finish(OffsetDateTime at) {
        if (isFinished()) {
            throw new ConflictException("run.finishedAlready", id);
        }
        finishedAt = at;
    }

    /** Re-opens a finished run: its stop date is cleared and its executions may change again. */
    void reopen() {
        if (!isFinished()) {
            throw new ConflictException("run.notFinished", id);
        }
        finishedAt = null;
    }

    /** Refuses (409) any change to the executions of a finished run, saying to re-open it. */
    void requireOpen() {
        if (isFinished()) {
            throw new ConflictException("run.finished", id);
        }
    }
}
