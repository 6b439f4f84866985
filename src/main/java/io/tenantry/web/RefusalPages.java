package io.tenantry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

import org.primefaces.csp.CspException;

import io.tenantry.accounts.NotPermittedException;
import io.tenantry.accounts.NotSignedInException;
import io.tenantry.platform.NoSuchItemException;
import io.tenantry.platform.RefusalKind;
import io.tenantry.platform.RefusedException;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A service's refusal met while a page is built shows the branded error page it stands for (an item
 * missing in this tenant: 404; not allowed: 403; not signed in: 401; the tenant restored or upgraded
 * under it: 503 with Retry-After) instead of a 500; the page
 * says which kind of refusal it is ({@link Refusal}). Registered in faces-config.xml.
 */
public class RefusalPages extends ExceptionHandlerFactory {

    public RefusalPages(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    /**
     * The address a page is opened afresh at: {@code path} (the request URI as sent) with the
     * pairs of {@code query} (raw, may be null) whose decoded names are not Faces' or PrimeFaces'
     * (a view state kept would expire again, for ever). A path a browser would read as another
     * host ("//evil.example/..") gives this host's start page instead.
     */
    static String freshAddress(String path, String query) {
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> nameOf(pair).filter(name -> !name.startsWith("jakarta.faces.")
                        && !name.startsWith("primefaces.")).isPresent())
                .collect(Collectors.joining("&"));
        return PublicAddresses.safeLocalPath(path + (kept.isEmpty() ? "" : "?" + kept));
    }

    /**
     * The status of the error page a failure met while a page was built stands for, from the first of
     * its causes that is a refusal; empty for any other failure (the container's 500 page).
     */
    static Optional<Integer> statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof NoSuchItemException) {
                return Optional.of(404);
            }
            if (cause instanceof NotPermittedException) {
                return Optional.of(403);
            }
            if (cause instanceof NotSignedInException) {
                return Optional.of(401);
            }
            if (cause instanceof RefusedException refused && refused.kind() == RefusalKind.UNAVAILABLE) {
                // The tenant restored or upgraded under the page: its generic page, with when to try again.
                return Optional.of(503);
            }
            if (cause instanceof CspException) {
                // A postback without the nonce its page carried: a script's, not a browser's (400).
                return Optional.of(400);
            }
        }
        return Optional.empty();
    }

    /** The failure itself or its first cause of that type. */
    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** The decoded name of a raw query pair; empty if its escapes are malformed (the container drops it too). */
    private static Optional<String> nameOf(String pair) {
        try {
            return Optional.of(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                    events.hasNext();) {
                Throwable failure = events.next().getContext().getException();
                if (causeOf(failure, ViewExpiredException.class).isPresent() && !faces.getPartialViewContext().isAjaxRequest()
                        && !faces.getExternalContext().isResponseCommitted()) {
                    events.remove();
                    openAfresh(faces);
                    continue;
                }
                Optional<Integer> status = statusOf(failure);
                if (status.isPresent() && !faces.getPartialViewContext().isAjaxRequest()
                        && !faces.getExternalContext().isResponseCommitted()) {
                    events.remove();
                    send(faces, status.get(), failure);
                }
            }
            getWrapped().handle();
        }

        /**
         * A view state no page holds (a session that ended, an old bookmark, a forgery): the page is
         * opened afresh (302 to its own address, its view parameters kept, Faces' own parameters
         * dropped) with a message to do it again. Its error page would be dispatched with the same
         * view state and fail on it in turn, leaving the container's 500.
         */
        private static void openAfresh(FacesContext faces) {
            ExternalContext external = faces.getExternalContext();
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            ResourceBundle words = faces.getApplication().getResourceBundle(faces, "msg");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, words.getString("error.viewExpired.title"),
                    words.getString("error.viewExpired.text")));
            external.getFlash().setKeepMessages(true);
            try {
                external.redirect(freshAddress(request.getRequestURI(), request.getQueryString()));
                faces.responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }


        private static void send(FacesContext faces, int status, Throwable failure) {
            try {
                faces.getExternalContext().responseReset();
                causeOf(failure, RefusedException.class).flatMap(RefusedException::retryAfter).ifPresent(wait ->
                        faces.getExternalContext().setResponseHeader("Retry-After", String.valueOf(wait.toSeconds())));
                faces.getExternalContext().responseSendError(status, failure.getMessage());
                faces.responseComplete();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
