package io.tenantry.platform;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal answered to a person by the branded refusal page (the error page of its status, which
 * reads {@link #kindOf} to say what is true), and to a program by a problem document. Filters and
 * servlets that refuse before any page is built use it, so that every refusal says the same kind of thing.
 */
public final class Refused {

    /** What is true about a refused request; the page words it, names whom to ask and the way forward. */
    public enum Kind {
        /** Not signed in, where signing in may let the person in (401). */
        NOT_SIGNED_IN,
        /** Signed in, but not a member of the tenant (403). */
        NOT_A_MEMBER,
        /** A member, whose groups lack the permission the page needs (403). */
        MISSING_PERMISSION,
        /** Platform administration, which is the operators' only (403). */
        OPERATORS_ONLY,
        /** The tenant's subscription has run out and unpaid tenants are blocked (402). */
        SUBSCRIPTION_EXPIRED,
        /** No tenant answers at the address (404). */
        NO_SUCH_TENANT
    }

    private static final String KIND = Refused.class.getName() + ".kind";
    private static final String DETAIL = Refused.class.getName() + ".detail";
    private static final String TENANT = Refused.class.getName() + ".tenant";
    private static final String HOST = Refused.class.getName() + ".host";

    private Refused() {
    }

    /**
     * Answers {@code status}: the refusal page of this {@code kind} for a browser, else a problem
     * document of {@code title} and {@code detail}.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, Kind kind,
            Reason title, Reason detail) throws IOException {
        if (ProblemResponse.wantsJson(request)) {
            ProblemResponse.send(request, response, status, title, detail);
            return;
        }
        request.setAttribute(KIND, kind);
        request.setAttribute(DETAIL, detail);
        response.sendError(status);
    }

    /** Names the tenant refused, when it is not the host's own (the public host refusing a way into a tenant). */
    public static void about(HttpServletRequest request, String tenantLabel) {
        request.setAttribute(TENANT, tenantLabel);
    }

    /** Names the host asked for, when no tenant answers there. */
    public static void atHost(HttpServletRequest request, String host) {
        request.setAttribute(HOST, host);
    }

    /** The kind a filter or servlet gave, if one did (a page's own refusals leave it to the page to find out). */
    public static Optional<Kind> kindOf(HttpServletRequest request) {
        return Optional.ofNullable((Kind) request.getAttribute(KIND));
    }

    /** The words a filter or servlet gave with its refusal (what the page says it in the reader's language). */
    public static Optional<Reason> detailOf(HttpServletRequest request) {
        return Optional.ofNullable((Reason) request.getAttribute(DETAIL));
    }

    /** The label of the tenant refused, if not the host's own. */
    public static Optional<String> tenantOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(TENANT));
    }

    /** The host asked for, when no tenant answers there. */
    public static Optional<String> hostOf(HttpServletRequest request) {
        return Optional.ofNullable((String) request.getAttribute(HOST));
    }
}
