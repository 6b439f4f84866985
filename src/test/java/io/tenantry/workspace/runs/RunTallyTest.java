package io.tenantry.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the dashboard and the run screen show for a run: its total, how much is done, its pass rate among judged executions. */
class RunTallyTest {

    private static RunTally tally(Map<ExecutionStatus, Long> counts) {
        return new RunTally(1, "Nightly", null, counts);
    }

    @Test
    void theTotalCountsEveryStatus() {
        assertEquals(10, tally(Map.of(ExecutionStatus.IDLE, 4L, ExecutionStatus.PASSED, 5L,
                ExecutionStatus.WAIVED, 1L)).total());
    }

    @Test
    void thePassRateLeavesOutWaivedAndUnfinishedOnesAndRoundsToATenth() {
        assertEquals(66.7, tally(Map.of(ExecutionStatus.PASSED, 2L, ExecutionStatus.FAILED, 1L,
                ExecutionStatus.WAIVED, 5L, ExecutionStatus.RUNNING, 3L)).passRate());
        assertEquals(50.0, tally(Map.of(ExecutionStatus.PASSED, 1L, ExecutionStatus.BLOCKED, 1L)).passRate());
    }

    @Test
    void aRunWithNothingJudgedHasAPassRateOfZero() {
        assertEquals(0.0, tally(Map.of(ExecutionStatus.WAIVED, 3L, ExecutionStatus.IDLE, 2L)).passRate());
        assertEquals(0.0, tally(Map.of()).passRate());
    }

    @Test
    void doneIsTheShareOfEveryExecutionThatEndedWaivedIncluded() {
        RunTally tally = tally(Map.of(ExecutionStatus.PASSED, 1L, ExecutionStatus.WAIVED, 1L,
                ExecutionStatus.RUNNING, 1L));
        assertEquals(2, tally.ended());
        assertEquals(66.7, tally.done());
        assertEquals(100.0, tally.passRate(), "a different figure: passed among the judged");
        assertEquals(0.0, tally(Map.of()).done());
    }
}
