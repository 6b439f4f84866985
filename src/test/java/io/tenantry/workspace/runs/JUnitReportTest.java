package io.tenantry.workspace.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tenantry.platform.BrokenRuleException;
import org.junit.jupiter.api.Test;

/** What a JUnit report may bring in: text as any other input, without control characters. */
class JUnitReportTest {

    @Test
    void aControlCharacterByReferenceInXmlOnePointOneIsRefused() {
        for (String where : List.of("classname=\"a&#1;b\" name=\"t\"", "classname=\"a\" name=\"t&#x1b;[31m\"",
                "classname=\"a\" name=\"t\"><failure message=\"bad&#127;\"/></testcase><testcase classname=\"a\" name=\"u\"")) {
            String xml = "<?xml version=\"1.1\"?><testsuite><testcase " + where + "></testcase></testsuite>";
            BrokenRuleException refused = assertThrows(BrokenRuleException.class, () -> read(xml), xml);
            assertEquals(java.util.Optional.of("report"), refused.field(), xml);
        }
    }

    @Test
    void tabsAndLineBreaksInAMessageStay() {
        String xml = "<?xml version=\"1.1\"?><testsuite><testcase classname=\"a\" name=\"t\">"
                + "<failure message=\"one&#10;two&#9;three\"/></testcase></testsuite>";
        assertEquals("one\ntwo\tthree", read(xml).get(0).message());
    }

    private static List<JUnitReport.Result> read(String xml) {
        return JUnitReport.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
