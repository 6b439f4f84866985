package io.tenantry.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.JsonProviderOnce;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;

/**
 * A trail written out as it is read, a window at a time: CSV (RFC 4180, UTF-8, every cell inert in a
 * spreadsheet: {@link CsvCell}) or JSON ({@code {"items":[…]}}, each entry as {@link AuditJson} shows it).
 */
public enum AuditExport {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json");

    private static final List<String> HEADINGS = List.of("at", "tenant", "actor", "action", "subject", "address",
            "host", "before", "after");

    private final String mediaType;
    private final String extension;

    AuditExport(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code csv} or {@code json} (any case); a 400 naming the value otherwise. */
    public static AuditExport named(String format) {
        String name = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        for (AuditExport export : values()) {
            if (export.extension.equals(name)) {
                return export;
            }
        }
        throw BrokenRuleException.onField("format", "audit.badFormat", format == null ? "" : format);
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file's name, for Content-Disposition: {@code audit-<what>.<csv|json>}. */
    public String fileName(String what) {
        return "audit-" + what + "." + extension;
    }

    /** Writes every entry {@code rows} gives for the filter; the stream is left open. */
    public void write(AuditFilter filter, AuditLog.Rows rows, OutputStream out) {
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (this == CSV) {
                writer.write(String.join(",", HEADINGS) + "\r\n");
                AuditLog.forEach(filter, rows, entry -> csvLine(writer, entry));
            } else {
                JsonGenerator json = JsonProviderOnce.JSON.createGenerator(writer); // qualified: this enum names a format JSON
                json.writeStartObject().writeStartArray("items");
                AuditLog.forEach(filter, rows, entry -> jsonEntry(json, entry));
                json.writeEnd().writeEnd();
                json.flush();
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csvLine(Writer writer, AuditEntry entry) {
        List<String> cells = List.of(entry.at().toString(), entry.tenant(), entry.actor(), entry.action(),
                entry.subject(), entry.address(), entry.host(), entry.before(), entry.after());
        try {
            writer.write(String.join(",", cells.stream().map(CsvCell::of).toList()) + "\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jsonEntry(JsonGenerator json, AuditEntry entry) {
        json.writeStartObject().write("id", entry.number()).write("at", entry.at().toString()).write("tenant", entry.tenant())
                .write("actor", entry.actor()).write("action", entry.action()).write("subject", entry.subject())
                .write("address", entry.address()).write("host", entry.host());
        json.write("before", object(entry.before())).write("after", object(entry.after()));
        json.writeEnd();
    }

    static JsonObject object(String text) {
        try (JsonReader reader = JsonProviderOnce.JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
