package io.tenantry.workspace.runs;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.Messages;
import io.tenantry.platform.ConflictException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The test-run screen: a tester moves through the executions with the keyboard and sets their
 * statuses and comments (run.js binds the keys to the buttons this bean answers), sees how far the
 * run is and how well it went ({@link RunTally}, as the dashboard), finishes and re-opens the run
 * and names its manager.
 */
@Named
@ViewScoped
public class RunPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TestRuns runs;

    @Inject
    RunViews runViews;

    @Inject
    TenantAccess access;

    private String idParam;
    private long id;
    private RunDetail run;
    private RunTally tally;
    private String manager;
    private final Map<Long, String> comments = new HashMap<>();

    /** Shows the item the address names; an id that names none (malformed, out of range, unknown) is refused: 404. */
    public void load() {
        id = ItemIds.required(idParam, "run");
        run = runViews.run(id);
        tally = RunTally.of(run);
        manager = run.run().manager();
        comments.clear();
        run.executions().forEach(e -> comments.put(e.id(), e.comment()));
    }

    /** Sets an execution's status (null keeps it) with the comment typed in its row; refused while finished. */
    public void record(long executionId, String status) {
        try {
            runs.record(id, executionId, new TestRuns.ExecutionInput(status, comments.get(executionId), null));
        } catch (IllegalArgumentException | ConflictException e) {
            Messages.failure(e);
        }
        load();
    }

    public void saveComment(long executionId) {
        record(executionId, null);
        if (!run.run().finished()) {
            Messages.info("run.commentSaved");
        }
    }

    /** Finishes the run now: its stop date is set and its executions stay as they are until re-opened. */
    public void finish() {
        try {
            runs.finish(id);
            Messages.info("run.finishedNow");
        } catch (ConflictException e) {
            Messages.failure(e);
        }
        load();
    }

    /** Re-opens the finished run: its stop date is cleared and its executions may change again. */
    public void reopen() {
        try {
            runs.reopen(id);
            Messages.info("run.reopenedNow");
        } catch (ConflictException e) {
            Messages.failure(e);
        }
        load();
    }

    /** Makes the member named in the manager field the run's manager; anyone else is refused on the field. */
    public void changeManager() {
        RunView shown = run.run();
        try {
            runs.change(id, new TestRuns.Input(null, shown.buildId(), shown.summary(), manager, shown.defaultTester(),
                    shown.plannedStart(), shown.plannedFinish()));
            Messages.info("run.managerChanged", manager);
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
            return;
        }
        load();
    }

    public List<ExecutionStatus> getStatuses() {
        return List.of(ExecutionStatus.values());
    }

    /** Whether the statuses and comments may be changed now: with the permission, while the run is open. */
    public boolean isMayExecute() {
        return isMayChange() && !run.run().finished();
    }

    /** Whether the person may finish, re-open and re-assign the run. */
    public boolean isMayChange() {
        return access.permits(Permission.RUN_CHANGE);
    }

    public RunDetail getRun() {
        return run;
    }

    /** The run's figures: executions by status, done and pass rate, as on the dashboard. */
    public RunTally getTally() {
        return tally;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    public String getManager() {
        return manager;
    }

    public void setManager(String manager) {
        this.manager = manager;
    }

    /** The id as the address gives it, read by {@link #load}. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }
}
