package io.tenantry.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A resource method's transaction that failed to begin or commit (the connection died under the
 * commit, a concurrent change found at flush) is answered like any other failure, by
 * {@link ProblemMappers}. Without a mapper of this exact type the JAX-RS runtime may pick its own
 * (Jersey's rethrows anything but a WebApplicationException, and the container then answers a bare
 * 500 page). The mapper nearest to the exception's type wins (Jakarta REST 3.1, section 4.4); between
 * two of the same type, the higher priority (the lower number), hence {@code @Priority(1)}.
 */
@Provider
@ApplicationScoped
@Priority(1)
public class TransactionFailures implements ExceptionMapper<TransactionalException> {

    @Inject
    ProblemMappers problems;

    @Override
    public Response toResponse(TransactionalException failure) {
        return problems.toResponse(failure);
    }
}
