package io.tenantry.workspace.runs;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.faces.ItemIds;
import io.tenantry.faces.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The test-run screen: a tester moves through the executions with the keyboard and sets their
 * statuses and comments (run.js binds the keys to the buttons this bean answers).
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
    private final Map<Long, String> comments = new HashMap<>();

    /** Shows the item the address names; an id that names none (malformed, out of range, unknown) is refused: 404. */
    public void load() {
        id = ItemIds.required(idParam, "run");
        run = runViews.run(id);
        comments.clear();
        run.executions().forEach(e -> comments.put(e.id(), e.comment()));
    }

    public void record(long executionId, String status) {
        try {
            runs.record(id, executionId, new TestRuns.ExecutionInput(status, comments.get(executionId), null));
        } catch (IllegalArgumentException e) {
            Messages.failure(e);
        }
        load();
    }

    public void saveComment(long executionId) {
        record(executionId, null);
        Messages.info("run.commentSaved");
    }

    public Map<ExecutionStatus, Long> getCounts() {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            counts.put(status, 0L);
        }
        run.executions().forEach(e -> counts.merge(ExecutionStatus.valueOf(e.status()), 1L, Long::sum));
        return counts;
    }

    /** Share of executions that have ended, for the progress bar. */
    public int getProgress() {
        List<ExecutionView> executions = run.executions();
        long ended = executions.stream().filter(e -> ExecutionStatus.valueOf(e.status()).isFinal()).count();
        return executions.isEmpty() ? 0 : (int) (100 * ended / executions.size());
    }

    public List<ExecutionStatus> getStatuses() {
        return List.of(ExecutionStatus.values());
    }

    public boolean isMayExecute() {
        return access.permits(Permission.RUN_CHANGE);
    }

    public RunDetail getRun() {
        return run;
    }

    public Map<Long, String> getComments() {
        return comments;
    }

    /** The id as the address gives it, read by {@link #load}. */
    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }
}
