package io.tenantry.workspace.notes;

import java.time.OffsetDateTime;

import io.tenantry.platform.StoredTime;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A file attached to a case, a run or an execution; its bytes are in the tenant's folder. */
@Entity
@Table(name = "attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    Subject subject;

    @Column(name = "subject_id", updatable = false)
    long subjectId;

    @Column(name = "file_name", updatable = false)
    String fileName;

    @Column(name = "content_type", updatable = false)
    String contentType;

    long size;

    @Column(name = "uploaded_by", updatable = false)
    Long uploadedBy;

    @Column(name = "uploaded_at", updatable = false)
    OffsetDateTime uploadedAt;

    protected Attachment() {
    }

    Attachment(Subject subject, long subjectId, String fileName, String contentType, Long uploadedBy) {
        this.uploadedAt = StoredTime.now();
        this.subject = subject;
        this.subjectId = subjectId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.uploadedBy = uploadedBy;
    }

    public Long id() {
        return id;
    }

    public Subject subject() {
        return subject;
    }

    public long subjectId() {
        return subjectId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long size() {
        return size;
    }

    public Long uploadedBy() {
        return uploadedBy;
    }

    public OffsetDateTime uploadedAt() {
        return uploadedAt;
    }

    /** The name of its bytes in the tenant's folder: from the id alone, never from the upload. */
    String storedName() {
        return storedName(id);
    }

    public static String storedName(long id) {
        return "attachment-" + id;
    }

    void sized(long size) {
        this.size = size;
    }
}
