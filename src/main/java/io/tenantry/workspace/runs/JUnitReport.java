package io.tenantry.workspace.runs;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.PlainText;

/**
 * The test cases of a JUnit XML report (Surefire, Gradle, pytest, Jest…): one result per
 * {@code <testcase>}, named "classname.name". Read with StAX, with DTDs and external entities off.
 * A name or message holding a control character ({@link PlainText}), which XML 1.1 lets in as a
 * character reference ({@code &#1;}), refuses the whole report (400) rather than lose part of it.
 */
final class JUnitReport {

    /** One case's outcome; the message is the failure's or the skip's, else empty. */
    record Result(String name, ExecutionStatus status, String message) {
    }

    private static final int MAX_MESSAGE = 10_000;

    private JUnitReport() {
    }

    static List<Result> read(InputStream xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<Result> results = new ArrayList<>();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(xml);
            String name = null;
            ExecutionStatus status = null;
            String message = "";
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (reader.getLocalName()) {
                        case "testcase" -> {
                            String className = reader.getAttributeValue(null, "classname");
                            String caseName = reader.getAttributeValue(null, "name");
                            name = className == null || className.isBlank() ? caseName : className + "." + caseName;
                            status = ExecutionStatus.PASSED;
                            message = "";
                        }
                        case "failure", "error" -> {
                            status = ExecutionStatus.FAILED;
                            message = messageOf(reader);
                        }
                        case "skipped" -> {
                            status = status == ExecutionStatus.FAILED ? status : ExecutionStatus.WAIVED;
                            message = messageOf(reader);
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "testcase".equals(reader.getLocalName())) {
                    if (!PlainText.is(name) || !PlainText.is(message)) {
                        throw BrokenRuleException.onField("report", "junit.control");
                    }
                    if (name != null && !name.isBlank()) {
                        results.add(new Result(name.length() > 500 ? name.substring(0, 500) : name, status, message));
                    }
                    name = null;
                }
            }
        } catch (XMLStreamException e) {
            throw BrokenRuleException.onField("report", "junit.unreadable", e.getMessage());
        }
        if (results.isEmpty()) {
            throw BrokenRuleException.onField("report", "junit.noCases");
        }
        return results;
    }

    private static String messageOf(XMLStreamReader reader) {
        String message = reader.getAttributeValue(null, "message");
        message = message == null ? "" : message.strip();
        return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    }
}
