package io.tenantry.workspace.notes;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tenantry.access.TenantAccess;
import io.tenantry.files.TenantFiles;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.Tenant;
import io.tenantry.tenancy.TenantContext;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.WorkspaceItemsRemoved;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    /** The rows whose subject is gone, of every kind of subject. */
    private static final String ORPHANS = " WHERE " + Stream.of(Subject.values())
            .map(s -> "(subject = '" + s.name() + "' AND NOT EXISTS (SELECT 1 FROM " + s.table()
                    + " s WHERE s.id = subject_id))")
            .collect(Collectors.joining(" OR "));

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
     * After every removal of cases, runs, plans and products (see {@link WorkspaceItemsRemoved}):
     * their comments and attachments go in the same transaction, the attachments' files after it
     * commits.
     */
    void forgetOrphans(@Observes WorkspaceItemsRemoved removal) {
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
        if (em.createNativeQuery("SELECT 1 FROM " + subject.table() + " WHERE id = ?1").setParameter(1, subjectId)
                .getResultList().isEmpty()) {
            throw new NoSuchItemException(subject.kind(), subjectId);
        }
    }
}
