package io.tenantry.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** An execution's times follow its status: started when it leaves IDLE, finished while final. */
class TestExecutionTest {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime TEN = NINE.plusHours(1);

    private final TestExecution execution = new TestExecution(new TestRun(null), null, 7L);

    @Test
    void aNewExecutionIsIdleWithoutTimesOrComment() {
        assertEquals(ExecutionStatus.IDLE, execution.status());
        assertNull(execution.startedAt());
        assertNull(execution.finishedAt());
        assertEquals("", execution.comment());
        assertEquals(7L, execution.assigneeId());
    }

    @Test
    void leavingIdleStartsItOnceAndAFinalStatusFinishesIt() {
        execution.record(ExecutionStatus.RUNNING, null, NINE);
        assertEquals(NINE, execution.startedAt());
        assertNull(execution.finishedAt());

        execution.record(ExecutionStatus.PASSED, "fine", TEN);
        assertEquals(NINE, execution.startedAt(), "the start stays where it was");
        assertEquals(TEN, execution.finishedAt());
        assertEquals("fine", execution.comment());
    }

    @Test
    void goingBackToRunningClearsTheFinishAndBackToIdleClearsTheStart() {
        execution.record(ExecutionStatus.FAILED, null, NINE);
        execution.record(ExecutionStatus.RUNNING, null, TEN);
        assertEquals(NINE, execution.startedAt());
        assertNull(execution.finishedAt());

        execution.record(ExecutionStatus.IDLE, null, TEN);
        assertNull(execution.startedAt());
        assertNull(execution.finishedAt());
    }

    @Test
    void noCommentKeepsTheOneRecordedBefore() {
        execution.record(ExecutionStatus.BLOCKED, "waits for the lab", NINE);
        execution.record(ExecutionStatus.BLOCKED, null, TEN);
        assertEquals("waits for the lab", execution.comment());
        execution.record(ExecutionStatus.PASSED, "", TEN);
        assertEquals("", execution.comment(), "an empty comment clears it");
    }

    @Test
    void onlyIdleAndRunningAreNotFinal() {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertEquals(!EnumSet.of(ExecutionStatus.IDLE, ExecutionStatus.RUNNING).contains(status),
                    status.isFinal(), status.name());
        }
        assertTrue(ExecutionStatus.WAIVED.isFinal());
        assertFalse(ExecutionStatus.RUNNING.isFinal());
    }

    @Test
    void reassigningChangesOnlyTheAssignee() {
        execution.record(ExecutionStatus.RUNNING, null, NINE);
        execution.assign(8L);
        assertEquals(8L, execution.assigneeId());
        assertEquals(ExecutionStatus.RUNNING, execution.status());
    }
}
