package io.tenantry.workspace;

import java.util.List;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Comments on cases, runs and executions; who may read and write them is the subject's affair. */
@ApplicationScoped
@Transactional
@TenantData
public class Comments {

    @PersistenceContext(unitName = "tenantry")
    EntityManager em;

    @Inject
    Subjects subjects;

    @Inject
    CurrentCaller caller;

    public List<Comment> of(Subject subject, long subjectId) {
        subjects.requireReadable(subject, subjectId);
        return em.createQuery("SELECT c FROM Comment c WHERE c.subject = :subject AND c.subjectId = :id ORDER BY c.id",
                Comment.class).setParameter("subject", subject).setParameter("id", subjectId).getResultList();
    }

    public Comment add(Subject subject, long subjectId, String text) {
        subjects.requireChangeable(subject, subjectId);
        Comment comment = new Comment(subject, subjectId, caller.require().accountId(),
                InputRules.required("text", text, 10_000));
        em.persist(comment);
        em.flush();
        return comment;
    }
}
