package io.tenantry.archive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.tenantry.platform.BrokenRuleException;

/**
 * The lines of a UTF-8 stream, one at a time, none longer than a limit: a table's rows are read
 * like this so that one row, not the table, is ever in memory, and a row without end is refused
 * instead of filling the heap. Bytes that are not UTF-8 fail the read (a CharacterCodingException).
 */
final class BoundedLines {

    private final Reader reader;
    private final String entry;
    private final int maxChars;
    private int number;

    BoundedLines(InputStream in, String entry, int maxChars) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        this.entry = entry;
        this.maxChars = maxChars;
    }

    /** The next line without its line end, or null after the last; a line over the limit is a {@link BrokenRuleException}. */
    String next() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        if (c < 0) {
            return null;
        }
        number++;
        for (; c >= 0 && c != '\n'; c = reader.read()) {
            if (line.length() == maxChars) {
                throw BrokenRuleException.onField("archive", "archive.rowTooLong", entry, number, maxChars);
            }
            line.append((char) c);
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    /** The number of the line last returned, from 1. */
    int number() {
        return number;
    }
}
