package io.tenantry.workspace.notes;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.files.FileTooLargeException;
import io.tenantry.files.StorageLimitException;
import io.tenantry.files.TenantFiles;
import io.tenantry.files.TenantStorage;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Files attached to cases, runs and executions, kept in the tenant's folder under the
 * attachment's id. The uploaded name is cleaned and only shown; the type is served only for kinds
 * a browser shows safely, anything else is a download.
 */
@ApplicationScoped
@Transactional
@TenantData
public class Attachments {

    /** Types served as they are; every other file is served as application/octet-stream. */
    static final Set<String> SHOWN_AS_IS = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
            "application/pdf");

    /** A file to serve: its row, its size in bytes and its bytes as a stream, which the server closes. */
    public record Download(Attachment attachment, long size, InputStream content) {
    }

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Subjects subjects;

    @Inject
    CurrentCaller caller;

    @Inject
    TenantFiles files;

    @Inject
    TenantStorage storage;

    @Inject
    TenantContext context;

    @Inject
    @ConfigProperty(name = "attachments.max-size-mb", defaultValue = "10")
    int maxSizeMb;

    /**
     * One window of the subject's attachments, oldest first ({@code window.descending()}: newest
     * first), and how many it has: never all of them, as an archive can bring any number of rows.
     */
    public ResultPage<Attachment> of(Subject subject, long subjectId, ListQuery window) {
        subjects.requireReadable(subject, subjectId);
        List<Attachment> found = em.createQuery("SELECT a FROM Attachment a WHERE a.subject = :subject "
                        + "AND a.subjectId = :id ORDER BY a.id" + (window.descending() ? " DESC" : ""), Attachment.class)
                .setParameter("subject", subject).setParameter("id", subjectId)
                .setFirstResult(window.offset()).setMaxResults(window.limit()).getResultList();
        return ResultPage.of(found, window.offset(), window.limit(), () -> em.createQuery(
                        "SELECT COUNT(a) FROM Attachment a WHERE a.subject = :subject AND a.subjectId = :id", Long.class)
                .setParameter("subject", subject).setParameter("id", subjectId).getSingleResult());
    }

    /**
     * Refuses, before any of a file is received, a caller who may not attach to this subject, a
     * subject that does not exist (as {@link #add} would), or a tenant at its storage limit (507).
     */
    public void requireMayAttach(Subject subject, long subjectId) {
        subjects.requireChangeable(subject, subjectId);
        storage.roomFor(context.tenant(), 0);
    }

    /**
     * Stores the upload all or nothing: a file too large, one that would pass the tenant's storage limit
     * ({@link StorageLimitException}, 507), or a failed write, leaves no row and no file.
     */
    public Attachment add(Subject subject, long subjectId, String fileName, String contentType, InputStream content) {
        subjects.requireChangeable(subject, subjectId);
        Attachment attachment = new Attachment(subject, subjectId, cleanName(fileName), cleanType(contentType),
                caller.require().accountId());
        long maxBytes = maxSizeMb * 1024L * 1024L;
        long room = storage.roomFor(context.tenant(), 0);
        em.persist(attachment);
        em.flush();
        try {
            attachment.sized(files.write(context.tenant(), attachment.storedName(), content, Math.min(maxBytes, room)));
        } catch (FileTooLargeException e) {
            if (room < maxBytes) {
                // Cut off by the tenant's storage limit, not by the file's own.
                throw new StorageLimitException(context.tenant().name(), storage.limit(), storage.usedBytes(context.tenant()));
            }
            throw e;
        }
        return attachment;
    }

    /**
     * Opens an attachment the caller may read, to stream it: nothing is read into memory. Refuses
     * an unknown id, or one whose file is gone, with {@link NoSuchItemException}.
     */
    public Download open(long id) {
        Attachment attachment = find(id);
        subjects.requireReadable(attachment.subject(), attachment.subjectId());
        TenantFiles.Stored file = files.open(context.tenant(), attachment.storedName())
                .orElseThrow(() -> new NoSuchItemException("attachment", id));
        return new Download(attachment, file.size(), file.content());
    }

    public void remove(long id) {
        Attachment attachment = find(id);
        subjects.requireChangeable(attachment.subject(), attachment.subjectId());
        em.remove(attachment);
        subjects.forgetFilesAfterCommit(List.of(id));
    }

    /** The type a download is served with. */
    public static String servedType(Attachment attachment) {
        return SHOWN_AS_IS.contains(attachment.contentType()) ? attachment.contentType() : "application/octet-stream";
    }

    private Attachment find(long id) {
        Attachment attachment = em.find(Attachment.class, id);
        if (attachment == null) {
            throw new NoSuchItemException("attachment", id);
        }
        return attachment;
    }

    /**
     * The last part of whatever path came with the upload, without control or quoting characters,
     * at most 200 characters; "attachment" when nothing is left. Safe inside a quoted header value.
     */
    public static String cleanName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String cleanType(String given) {
        String type = given == null ? "" : given.split(";")[0].strip().toLowerCase(Locale.ROOT);
        // At most 255 characters (RFC 6838, 4.2; the schema's attachment_content_type_length): longer is no type.
        return type.length() <= 255 && type.matches("[a-z0-9.+-]+/[a-z0-9.+-]+") ? type : "application/octet-stream";
    }
}
