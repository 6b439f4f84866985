package io.tenantry.workspace.notes;

import java.util.List;

import io.tenantry.accounts.CurrentCaller;
import io.tenantry.accounts.NotPermittedException;
import io.tenantry.platform.ListQuery;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.ResultPage;
import io.tenantry.tenancy.TenantData;
import io.tenantry.workspace.InputRules;
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

    /**
     * One window of the subject's comments, oldest first ({@code window.descending()}: newest
     * first), and how many it has: never all of them, as a subject can have tens of thousands.
     */
    public ResultPage<Comment> of(Subject subject, long subjectId, ListQuery window) {
        subjects.requireReadable(subject, subjectId);
        List<Comment> found = em.createQuery("SELECT c FROM Comment c WHERE c.subject = :subject AND c.subjectId = :id "
                        + "ORDER BY c.id" + (window.descending() ? " DESC" : ""), Comment.class)
                .setParameter("subject", subject).setParameter("id", subjectId)
                .setFirstResult(window.offset()).setMaxResults(window.limit()).getResultList();
        return ResultPage.of(found, window.offset(), window.limit(), () -> em.createQuery(
                        "SELECT COUNT(c) FROM Comment c WHERE c.subject = :subject AND c.subjectId = :id", Long.class)
                .setParameter("subject", subject).setParameter("id", subjectId).getSingleResult());
    }

    public Comment add(Subject subject, long subjectId, String text) {
        subjects.requireChangeable(subject, subjectId);
        Comment comment = new Comment(subject, subjectId, caller.require().accountId(),
                InputRules.required("text", text, 10_000));
        em.persist(comment);
        em.flush();
        return comment;
    }

    /** Only its author changes a comment. */
    public Comment change(long id, String text) {
        Comment comment = find(id);
        subjects.requireReadable(comment.subject(), comment.subjectId());
        if (!comment.isBy(caller.require().accountId())) {
            throw new NotPermittedException("comment.notYours");
        }
        comment.rewrite(InputRules.required("text", text, 10_000));
        return comment;
    }

    /** Its author removes a comment, or anyone who may change what it is about. */
    public void remove(long id) {
        Comment comment = find(id);
        if (comment.isBy(caller.require().accountId())) {
            subjects.requireReadable(comment.subject(), comment.subjectId());
        } else {
            subjects.requireChangeable(comment.subject(), comment.subjectId());
        }
        em.remove(comment);
    }

    private Comment find(long id) {
        Comment comment = em.find(Comment.class, id);
        if (comment == null) {
            throw new NoSuchItemException("comment", id);
        }
        return comment;
    }
}
