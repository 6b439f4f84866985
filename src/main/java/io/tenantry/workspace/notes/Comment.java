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

/** A remark on a case, a run or an execution. */
@Entity
@Table(name = "comment")
public class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    Subject subject;

    @Column(name = "subject_id", updatable = false)
    long subjectId;

    @Column(name = "author_id", updatable = false)
    Long authorId;

    String text;

    @Column(name = "created_at", updatable = false)
    OffsetDateTime createdAt;

    protected Comment() {
    }

    Comment(Subject subject, long subjectId, Long authorId, String text) {
        this.createdAt = StoredTime.now();
        this.subject = subject;
        this.subjectId = subjectId;
        this.authorId = authorId;
        this.text = text;
    }

    public Long id() {
        return id;
    }

    public Long authorId() {
        return authorId;
    }

    public String text() {
        return text;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Subject subject() {
        return subject;
    }

    public long subjectId() {
        return subjectId;
    }

    boolean isBy(long accountId) {
        return authorId != null && authorId == accountId;
    }

    void rewrite(String text) {
        this.text = text;
    }
}
