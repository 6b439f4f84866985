package io.tenantry.workspace.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tenantry.workspace.cases.TestCase.FieldChange;
import org.junit.jupiter.api.Test;

/** A case's change says which fields moved, from what to what, and takes the draft only then. */
class TestCaseTest {

    private static CaseDraft draft(String summary, int priority, CaseStatus status, Long tester, Set<String> tags) {
        return new CaseDraft(summary, "signed in", "1. open\n2. save", "saved", priority, status, "forms", false,
                tester, tags);
    }

    private final TestCase testCase = new TestCase(null, 1L,
            draft("Save a form", 3, CaseStatus.PROPOSED, null, Set.of("smoke")));

    @Test
    void theSameDraftChangesNothingAndLeavesTheUpdateTime() {
        OffsetDateTime updated = testCase.updatedAt();
        assertEquals(List.of(), testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, null, Set.of("smoke"))));
        assertEquals(updated, testCase.updatedAt());
    }

    @Test
    void eachChangedFieldIsReportedWithItsOldAndNewValueAndTaken() {
        List<FieldChange> changes = testCase.change(draft("Save a long form", 1, CaseStatus.CONFIRMED, 42L,
                Set.of("smoke")));
        assertEquals(List.of(new FieldChange("summary", "Save a form", "Save a long form"),
                new FieldChange("priority", "3", "1"),
                new FieldChange("status", "PROPOSED", "CONFIRMED"),
                new FieldChange("defaultTester", null, "42")), changes);
        assertEquals("Save a long form", testCase.summary());
        assertEquals(1, testCase.priority());
        assertEquals(CaseStatus.CONFIRMED, testCase.status());
        assertEquals(42L, testCase.defaultTesterId());
        assertTrue(!testCase.updatedAt().isBefore(testCase.createdAt()));
    }

    @Test
    void tagsCompareAsASortedSetWhateverTheirOrderInTheDraft() {
        Set<String> shuffled = new LinkedHashSet<>(List.of("smoke", "forms"));
        testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, null, shuffled));
        assertEquals(Set.of("forms", "smoke"), testCase.tags());
        assertEquals(List.of(), testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, null,
                new LinkedHashSet<>(List.of("forms", "smoke")))), "the same tags in another order");
        assertEquals(List.of(new FieldChange("tags", "forms, smoke", "forms")),
                testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, null, Set.of("forms"))));
    }

    @Test
    void aRemovedTesterIsReportedAsGoingToNothing() {
        testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, 5L, Set.of("smoke")));
        assertEquals(List.of(new FieldChange("defaultTester", "5", null)),
                testCase.change(draft("Save a form", 3, CaseStatus.PROPOSED, null, Set.of("smoke"))));
    }

    @Test
    void theTextsTheCategoryAndTheAutomatedFlagAreComparedToo() {
        CaseDraft rewritten = new CaseDraft("Save a form", "signed out", "1. open", "refused", 3, CaseStatus.PROPOSED,
                "auth", true, null, Set.of("smoke"));
        assertEquals(List.of(new FieldChange("preconditions", "signed in", "signed out"),
                new FieldChange("steps", "1. open\n2. save", "1. open"),
                new FieldChange("expectedResults", "saved", "refused"),
                new FieldChange("category", "forms", "auth"),
                new FieldChange("automated", "false", "true")), testCase.change(rewritten));
        assertEquals("refused", testCase.expectedResults());
        assertTrue(testCase.automated());
    }

    @Test
    void eachChangeBecomesAHistoryEntryNamingWhoChangedWhichFieldFromWhatToWhat() {
        List<CaseChange> history = testCase.change(draft("Save a form", 2, CaseStatus.DISABLED, null, Set.of()))
                .stream().map(change -> new CaseChange(testCase, 7L, change)).toList();
        assertEquals(List.of("priority 3 -> 2 by 7", "status PROPOSED -> DISABLED by 7", "tags smoke ->  by 7"),
                history.stream().map(entry -> entry.field() + " " + entry.oldValue() + " -> " + entry.newValue()
                        + " by " + entry.accountId()).toList());
    }
}
