package io.tenantry.workspace;

import java.util.List;

import io.tenantry.access.TenantAccess;
import io.tenantry.files.TenantFiles;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * What comments and attachments hang on: checks that a subject exists here and that the caller
 * may read or add to it, and forgets the comments and attachments of subjects that were removed
 * (they name their subject by kind and id, so no foreign key does it).
 */
@ApplicationScoped
@Transactional
@TenantData
public class Subjects {

    private static final String ORPHANS = " WHERE (subject = 'CASE' AND NOT EXISTS (SELECT 1 FROM test_case s WHERE s.id = subject_id))"
            + " OR (subject = 'RUN' AND NOT EXISTS (SELECT 1 FROM test_run s WHERE s.id = subject_id))"
            + " OR (subject = 'EXECUTION' AND NOT EXISTS (SELECT 1 FROM test_execution s WHERE s.id = subject_id))";

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    TenantContext context;

    @Inject
    TenantFiles files;

    @Resource
    TransactionSynchronizationRegistry transactions;

    void requireReadable(Subject subject, long subjectId) {
        access.require(subject.view());
        requireExists(subject, subjectId);
    }

    void requireChangeable(Subject subject, long subjectId) {
        access.require(subject.change());
        requireExists(subject, subjectId);
    }

    /**
     * Called by every removal of cases, runs, plans and products, after the removal is flushed:
     * their comments and attachments go in the same transaction, the attachments' files after it
     * commits.
     */
    void forgetOrphans() {
        em.flush();
        em.createNativeQuery("DELETE FROM comment" + ORPHANS).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> removed = em.createNativeQuery("DELETE FROM attachment" + ORPHANS + " RETURNING id")
                .getResultList();
        forgetFilesAfterCommit(removed.stream().map(Number::longValue).toList());
    }

    /** The attachments' files go once their rows are surely gone: a rollback keeps both. */
    void forgetFilesAfterCommit(List<Long> attachmentIds) {
        if (attachmentIds.isEmpty()) {
            return;
        }
        Tenant tenant = context.tenant();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: the files are deleted only after a commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    attachmentIds.forEach(id -> files.delete(tenant, Attachment.storedName(id)));
                }
            }
        });
    }

    private void requireExists(Subject subject, long subjectId) {
        if (em.find(subject.entity(), subjectId) == null) {
            throw new NoSuchItemException(subject.kind(), subjectId);
        }
    }
}
