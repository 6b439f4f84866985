package io.tenantry.workspace.runs;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;


/**
 * A run's executions counted by status, and the two figures drawn from them: how far the run is
 * ({@link #done()}) and how well it went ({@link #passRate()}). The one place these figures are
 * computed: the dashboard and the run screen show them from here, under the same words.
 */
public record RunTally(long runId, String summary, OffsetDateTime createdAt, Map<ExecutionStatus, Long> counts) {

    /** The tally of one run as its screen shows it. */
    public static RunTally of(RunDetail run) {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            counts.put(status, 0L);
        }
        run.executions().forEach(e -> counts.merge(ExecutionStatus.valueOf(e.status()), 1L, Long::sum));
        return new RunTally(run.run().id(), run.run().summary(), run.run().createdAt(), counts);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Executions that have ended: passed, failed, blocked or waived. */
    public long ended() {
        return counts.entrySet().stream().filter(c -> c.getKey().isFinal()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Executions judged for the pass rate: passed, failed or blocked. */
    public long judged() {
        return passed() + count(ExecutionStatus.FAILED) + count(ExecutionStatus.BLOCKED);
    }

    public long passed() {
        return count(ExecutionStatus.PASSED);
    }

    /** Ended among all executions, in percent rounded to a tenth; 0 for a run without executions. */
    public double done() {
        return percent(ended(), total());
    }

    /** Passed among those judged (waived and unfinished ones left out), in percent; 0 when none was judged. */
    public double passRate() {
        return percent(passed(), judged());
    }

    private long count(ExecutionStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }
}
