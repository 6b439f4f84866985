package io.tenantry.api;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.tenantry.platform.BodyTooLargeException;
import io.tenantry.platform.BrokenRuleException;
import io.tenantry.platform.DatabaseUnavailable;
import io.tenantry.platform.Explained;
import io.tenantry.platform.Language;
import io.tenantry.platform.Reason;
import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Turns every failure into a problem document with the right status; never a stack trace. A
 * refusal's detail is in the caller's language (Accept-Language), as on pages. A body that could
 * not be read names each field at fault in {@code errors}; a database out of reach answers 503
 * with {@code Retry-After} (the transaction is gone: nothing was written, the client may retry).
 */
@Provider
@ApplicationScoped
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final String CHECK_VIOLATION = "23514";

    @Inject
    Language language;

    @Override
    public Response toResponse(Throwable failure) {
        if (DatabaseUnavailable.causedIt(failure)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", failure.toString());
            return Response.fromResponse(Problem.response(Status.SERVICE_UNAVAILABLE,
                    Reason.of("database.unavailable").in(language.getLocale())))
                    .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
        }
        Throwable cause = domainCause(failure);
        String words = Reason.wordsOf(cause, language.getLocale());
        if (cause instanceof WebApplicationException web) {
            Response original = web.getResponse();
            Status status = Status.fromStatusCode(original.getStatus());
            return status == null ? original : Problem.response(status, web.getMessage());
        }
        if (cause instanceof MalformedBodyException malformed) {
            Map<String, String> errors = new TreeMap<>();
            malformed.fields().forEach((field, reason) -> errors.put(field, reason.in(language.getLocale())));
            return Problem.response(400, "Bad Request", Reason.of("json.refused").in(language.getLocale()), errors);
        }
        if (cause instanceof BrokenRuleException broken && broken.field().isPresent()) {
            return Problem.response(400, "Bad Request", words, Map.of(broken.field().get(), words));
        }
        if (cause instanceof RefusedException refused) {
            return refusal(refused.kind(), refused.retryAfter(), words);
        }
        if (cause instanceof BodyTooLargeException) {
            return refusal(RefusalKind.TOO_LARGE, Optional.empty(), words);
        }
        if (cause instanceof IllegalArgumentException || cause instanceof Explained) {
            return Problem.response(Status.BAD_REQUEST, words);
        }
        if (cause instanceof OptimisticLockException) {
            return Problem.response(Status.CONFLICT, Reason.of("changedMeanwhile").in(language.getLocale()));
        }
        if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
            return Problem.response(Status.CONFLICT, "An item with the same name already exists.");
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(DATA_EXCEPTION_CLASS)) {
            // Input the checks before the database let through (a NUL in a path, a value out of the
            // column's range): the client's fault, and the transaction has been rolled back.
            LOG.log(Level.WARNING, "Input refused by the database: {0}", sql.getMessage());
            return Problem.response(Status.BAD_REQUEST, Reason.of("input.refusedByDatabase").in(language.getLocale()));
        }
        if (cause instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())) {
            // A value the services let through that a constraint of the schema refuses (a text beyond
            // its column's bound): the client's fault; the transaction has been rolled back.
            LOG.log(Level.WARNING, "Input refused by a database rule: {0}", sql.getMessage());
            return Problem.response(Status.BAD_REQUEST, Reason.of("input.refusedByDatabaseRule").in(language.getLocale()));
        }
        LOG.log(Level.SEVERE, "Request failed", failure);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "The request failed on the server; it has been logged.");
    }

    /** A refusal's problem document: its kind's status, with the headers that status calls for. */
    private static Response refusal(RefusalKind kind, Optional<Duration> retryAfter, String words) {
        Response problem = switch (kind) {
            case PAYMENT_REQUIRED -> Problem.response(402, "Subscription expired", words, null);
            case TOO_LARGE -> Problem.response(413, "Content Too Large", words, null);
            case TOO_MANY_ATTEMPTS -> Problem.response(429, "Too Many Requests", words, null);
            case INSUFFICIENT_STORAGE -> Problem.response(507, "Insufficient Storage", words, null);
            default -> Problem.response(Status.fromStatusCode(kind.status()), words);
        };
        if (kind == RefusalKind.NOT_SIGNED_IN) {
            return Response.fromResponse(problem).header("WWW-Authenticate", "Basic realm=\"Tenantry\"").build();
        }
        return retryAfter.map(wait -> Response.fromResponse(problem)
                .header("Retry-After", Long.toString(wait.toSeconds() + 1)).build()).orElse(problem);
    }

    /** The first cause that says what went wrong, looking through container and persistence wrappers. */
    private static Throwable domainCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException || cause instanceof IllegalArgumentException
                    || cause instanceof OptimisticLockException
                    || cause instanceof SQLException || cause.getClass().getPackageName().startsWith("io.tenantry")) {
                return cause;
            }
        }
        return failure;
    }
}
