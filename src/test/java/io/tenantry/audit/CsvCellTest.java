package io.tenantry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A CSV cell that a spreadsheet opens as text (OWASP's CSV injection), quoted as RFC 4180 asks. */
class CsvCellTest {

    @Test
    void aCellThatAFormulaWouldBeginIsPrefixedWithAnApostrophe() {
        assertEquals("'=1+1", CsvCell.of("=1+1"));
        assertEquals("'+1", CsvCell.of("+1"));
        assertEquals("'-1", CsvCell.of("-1"));
        assertEquals("'@SUM(A1)", CsvCell.of("@SUM(A1)"));
        assertEquals("'\tx", CsvCell.of("\tx"));
        assertEquals("\"'\rx\"", CsvCell.of("\rx"));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertEquals("\"a,b\"", CsvCell.of("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCell.of("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCell.of("two\nlines"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", CsvCell.of("=HYPERLINK(\"http://evil.example\")"));
    }

    @Test
    void plainTextStaysAsItIs() {
        assertEquals("group.created", CsvCell.of("group.created"));
        assertEquals("a=b", CsvCell.of("a=b"));
        assertEquals("", CsvCell.of(""));
        assertEquals("", CsvCell.of(null));
    }
}
