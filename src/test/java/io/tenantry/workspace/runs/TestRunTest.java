package io.tenantry.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** How a run starts and settles as its executions record outcomes, without a database. */
class TestRunTest {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime TEN = NINE.plusHours(1);
    private static final OffsetDateTime ELEVEN = NINE.plusHours(2);

    private final TestRun run = new TestRun(null);

    private TestExecution execution() {
        TestExecution execution = new TestExecution(run, null, null);
        run.executions().add(execution);
        return execution;
    }

    @Test
    void theFirstExecutionThatMovesStartsTheRunAndLaterOnesDoNotMoveItsStart() {
        run.started(NINE);
        run.started(TEN);
        assertEquals(NINE, run.startedAt());
    }

    @Test
    void aRunIsFinishedOnlyWhenEveryExecutionIsFinal() {
        TestExecution passed = execution();
        TestExecution running = execution();
        passed.record(ExecutionStatus.PASSED, null, NINE);
        running.record(ExecutionStatus.RUNNING, null, NINE);
        run.settle(NINE);
        assertNull(run.finishedAt(), "one execution still running");

        running.record(ExecutionStatus.WAIVED, null, TEN);
        run.settle(TEN);
        assertEquals(TEN, run.finishedAt());
    }

    @Test
    void aFinishedRunKeepsItsFinishTimeWhenSettledAgain() {
        execution().record(ExecutionStatus.FAILED, null, NINE);
        run.settle(NINE);
        run.settle(ELEVEN);
        assertEquals(NINE, run.finishedAt());
    }

    @Test
    void reopeningAnExecutionReopensTheRun() {
        TestExecution blocked = execution();
        blocked.record(ExecutionStatus.BLOCKED, null, NINE);
        run.settle(NINE);
        blocked.record(ExecutionStatus.RUNNING, null, TEN);
        run.settle(TEN);
        assertNull(run.finishedAt());
    }

    @Test
    void aRunWithoutExecutionsIsNeverFinished() {
        run.settle(NINE);
        assertNull(run.finishedAt());
    }
}
