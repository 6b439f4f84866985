package io.tenantry.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** JSON written into a script: nothing in it can end the script or the line, and it reads back the same. */
class ScriptJsonTest {

    private static final String HOSTILE = "</script><script>alert(document.domain)</script>\u2028\"'&amp;\u2029\\<";

    private final JsonObject config = Json.createObjectBuilder().add("labels", Json.createArrayBuilder()
            .add(HOSTILE)).add(HOSTILE, 1).build();

    @Test
    void noCharacterThatEndsAScriptALineOrAnAttributeIsLeft() {
        String written = ScriptJson.of(config);
        for (char c : new char[] {'<', '>', '&', '\u2028', '\u2029'}) {
            assertFalse(written.indexOf(c) >= 0, "'" + c + "' is written as it is: " + written);
        }
    }

    @Test
    void eachIsAUnicodeEscape() {
        assertEquals("[\"\\u003c/a\\u003e \\u0026 \\u2028\\u2029\"]",
                ScriptJson.of(Json.createArrayBuilder().add("</a> & \u2028\u2029").build()));
    }

    @Test
    void theEscapedJsonReadsBackAsTheSameValue() {
        try (var reader = Json.createReader(new StringReader(ScriptJson.of(config)))) {
            assertEquals(config, reader.readObject());
        }
    }
}
