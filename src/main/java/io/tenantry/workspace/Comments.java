package io.tenantry.workspace;

import java.util.List;

import io.tenantry.access.Permission;
import io.tenantry.access.TenantAccess;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Comments on cases, runs and executions. Reading them needs the subject's view permission;
 * writing them its change permission (executions belong to runs).
 */
@ApplicationScoped
@Transactional
@TenantData
public class Comments {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    TenantAccess access;

    @Inject
    CurrentCaller caller;

    public List<Comment> of(Comment.Subject subject, long subjectId) {
        access.require(subject == Comment.Subject.CASE ? Permission.CASE_VIEW : Permission.RUN_VIEW);
        requireExists(subject, subjectId);
        return em.createQuery("SELECT c FROM Comment c WHERE c.subject = :subject AND c.subjectId = :id ORDER BY c.id",
                Comment.class).setParameter("subject", subject).setParameter("id", subjectId).getResultList();
    }

    public Comment add(Comment.Subject subject, long subjectId, String text) {
        access.require(subject == Comment.Subject.CASE ? Permission.CASE_CHANGE : Permission.RUN_CHANGE);
        requireExists(subject, subjectId);
        Comment comment = new Comment(subject, subjectId, caller.require().accountId(),
                InputRules.required("text", text, 10_000));
        em.persist(comment);
        em.flush();
        return comment;
    }

    private void requireExists(Comment.Subject subject, long subjectId) {
        Class<?> type = switch (subject) {
            case CASE -> TestCase.class;
            case RUN -> TestRun.class;
            case EXECUTION -> TestExecution.class;
        };
        if (em.find(type, subjectId) == null) {
            throw new NoSuchItemException(subject.name().toLowerCase(java.util.Locale.ROOT), subjectId);
        }
    }
}
