package io.tenantry.workspace.notes;

import java.io.InputStream;
import java.net.URI;

import io.tenantry.platform.SpooledBody;
import jakarta.ws.rs.core.Response;

/**
 * Attaching a file sent as a request's body, for the resources that take attachments. Called
 * outside any transaction: who may attach is checked first (403/404 before a byte is read), the
 * body is then spooled to a private temporary file with no database connection held however slowly
 * it arrives ({@link SpooledBody}), and stored in a transaction of its own.
 */
public final class Uploads {

    private Uploads() {
    }

    /**
     * 201 with the stored attachment and, as Location, its download ({@code /api/attachments/{id}},
     * given relative to the API's root, which JAX-RS resolves); refusals as {@link NoteViews#attach}.
     */
    public static Response attach(NoteViews notes, Subject subject, long subjectId, String name, String type,
            InputStream body) {
        notes.requireMayAttach(subject, subjectId);
        try (SpooledBody spooled = SpooledBody.of(body)) {
            AttachmentView stored = spooled.read(content -> notes.attach(subject, subjectId, name, type, content));
            return Response.created(URI.create("attachments/" + stored.id())).entity(stored).build();
        }
    }
}
