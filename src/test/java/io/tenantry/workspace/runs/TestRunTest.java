package io.tenantry.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.tenantry.platform.ConflictException;

/** How a run starts with its executions and is finished and re-opened by a person, without a database. */
class TestRunTest {

    private static final OffsetDateTime NINE = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime TEN = NINE.plusHours(1);

    private final TestRun run = new TestRun(null);

    {
        run.id = 7L;
    }

    @Test
    void theFirstExecutionThatMovesStartsTheRunAndLaterOnesDoNotMoveItsStart() {
        run.started(NINE);
        run.started(TEN);
        assertEquals(NINE, run.startedAt());
    }

    @Test
    void finishingSetsTheStopDateAndReopeningClearsIt() {
        assertFalse(run.isFinished());
        run.requireOpen();
        run.finish(NINE);
        assertEquals(NINE, run.finishedAt());
        assertTrue(run.isFinished());
        run.reopen();
        assertNull(run.finishedAt());
        run.requireOpen();
    }

    @Test
    void aFinishedRunRefusesChangesAndASecondFinishAndAnOpenRunRefusesReopening() {
        assertThrows(ConflictException.class, run::reopen);
        run.finish(NINE);
        ConflictException refused = assertThrows(ConflictException.class, run::requireOpen);
        assertEquals("run.finished", refused.reason().key());
        assertThrows(ConflictException.class, () -> run.finish(TEN));
        assertEquals(NINE, run.finishedAt(), "the first stop date stays");
    }
}
