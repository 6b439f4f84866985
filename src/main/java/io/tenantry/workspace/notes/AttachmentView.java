package io.tenantry.workspace.notes;

import java.time.OffsetDateTime;
import java.util.Map;

/** An attachment's description (not its bytes) as the API and the pages show it; size in bytes. */
public record AttachmentView(long id, String fileName, String contentType, long size, String uploadedBy,
        OffsetDateTime uploadedAt) {
    public static AttachmentView of(Attachment a, Map<Long, String> names) {
        return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(), names.get(a.uploadedBy()),
                a.uploadedAt());
    }
}
