package io.tenantry.api;

import java.util.Collections;
import java.util.List;

import io.tenantry.api.WorkspaceJson.CommentJson;
import io.tenantry.workspace.Comment;
import io.tenantry.workspace.Comments;
import io.tenantry.workspace.People;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The comments endpoints shared by cases, runs and executions. */
@RequestScoped
class CommentsJson {

    @Inject
    Comments comments;

    @Inject
    People people;

    List<CommentJson> of(Comment.Subject subject, long id) {
        List<Comment> found = comments.of(subject, id);
        var names = people.namesOf(found.stream().map(Comment::authorId).toList());
        return found.stream().map(comment -> CommentJson.of(comment, names)).toList();
    }

    Response add(Comment.Subject subject, long id, CommentJson.Input input) {
        Comment added = comments.add(subject, id, Inputs.require(input).text());
        return Response.status(Response.Status.CREATED).entity(CommentJson.of(added, people.namesOf(Collections.singletonList(added.authorId())))).build();
    }
}
