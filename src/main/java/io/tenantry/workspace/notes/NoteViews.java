package io.tenantry.workspace.notes;

import java.io.InputStream;
import java.util.Map;
import java.util.stream.Stream;

import io.tenantry.platform.ListQuery;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.People;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Reads and adds comments and attachments as views for the API and the pages, inside the tenant's
 * transaction (joining the caller's when there is one). The permission checks are {@link Comments}'
 * and {@link Attachments}'.
 */
@ApplicationScoped
@Transactional
@TenantData
public class NoteViews {

    @Inject
    Comments comments;

    @Inject
    Attachments attachments;

    @Inject
    People people;

    /** A window of the subject's comments (see {@link Comments#of}). */
    public ResultPage<CommentView> comments(Subject subject, long subjectId, ListQuery window) {
        ResultPage<Comment> page = comments.of(subject, subjectId, window);
        Map<Long, String> names = people.namesIn(page.items(), c -> Stream.of(c.authorId()));
        return page.map(c -> CommentView.of(c, names));
    }

    /** Adds a comment by the caller to a subject. */
    public CommentView comment(Subject subject, long subjectId, String text) {
        return people.one(comments.add(subject, subjectId, text), c -> Stream.of(c.authorId()), CommentView::of);
    }

    /** Changes the text of one of the caller's comments. */
    public CommentView changeComment(long id, String text) {
        return people.one(comments.change(id, text), c -> Stream.of(c.authorId()), CommentView::of);
    }

    /** A window of the subject's attachments (see {@link Attachments#of}). */
    public ResultPage<AttachmentView> attachments(Subject subject, long subjectId, ListQuery window) {
        ResultPage<Attachment> page = attachments.of(subject, subjectId, window);
        Map<Long, String> names = people.namesIn(page.items(), a -> Stream.of(a.uploadedBy()));
        return page.map(a -> AttachmentView.of(a, names));
    }

    /** See {@link Attachments#requireMayAttach}. */
    public void requireMayAttach(Subject subject, long subjectId) {
        attachments.requireMayAttach(subject, subjectId);
    }

    /** Stores an attachment from the given stream (see {@link Attachments#add} for its limits). */
    public AttachmentView attach(Subject subject, long subjectId, String fileName, String contentType,
            InputStream content) {
        return people.one(attachments.add(subject, subjectId, fileName, contentType, content),
                a -> Stream.of(a.uploadedBy()), AttachmentView::of);
    }
}
