package io.tenantry.archive;

import static io.tenantry.platform.JsonProviderOnce.JSON;

import java.io.Reader;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * Parses one JSON document of an archive. The parser refuses what it will not read (a number of
 * thousands of digits, nesting a thousand deep) with a plain RuntimeException; here every refusal is
 * a {@link JsonException}, which the import answers 400 like any malformed JSON.
 */
final class ArchiveJson {

    private ArchiveJson() {
    }

    static JsonValue parse(Reader text) {
        try (JsonReader reader = JSON.createReader(text)) {
            return reader.readValue();
        } catch (JsonException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JsonException(String.valueOf(e.getMessage()), e);
        }
    }
}
