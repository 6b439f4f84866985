package io.tenantry.audit;

/**
 * One cell of a CSV file that a spreadsheet opens as text: a cell beginning with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be taken for a formula (CSV injection,
 * OWASP), so it is prefixed with an apostrophe; a cell holding a comma, a quote or a line break is
 * quoted, its quotes doubled (RFC 4180).
 */
final class CsvCell {

    private CsvCell() {
    }

    static String of(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            value = '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
