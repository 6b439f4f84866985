package io.tenantry.workspace.notes;

import java.time.OffsetDateTime;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment as the API and the pages show it; its author by user name. {@link Input} is what a client sends. */
public record CommentView(long id, String author, String text, OffsetDateTime createdAt) {
    public static CommentView of(Comment comment, Map<Long, String> names) {
        return new CommentView(comment.id(), names.get(comment.authorId()), comment.text(), comment.createdAt());
    }

    @Schema(name = "CommentInput")
    public record Input(String text) {
    }
}
