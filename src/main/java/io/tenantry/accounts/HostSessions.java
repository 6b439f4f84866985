package io.tenantry.accounts;

import java.io.Serializable;
import java.util.Optional;

import io.tenantry.tenancy.TenantLabel;
import io.tenantry.tenancy.TenantsDomain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A browser's session on one host. Session cookies are host-only, and each session is bound to the
 * tenant of the host it was made on: a cookie replayed on another tenant's host is ignored there.
 * The session names the sign-in it came from, which ends for every host at sign-out.
 */
@ApplicationScoped
public class HostSessions {

    private static final String ATTRIBUTE = HostSessions.class.getName();

    record Binding(String signInId, String label) implements Serializable {
    }

    @Inject
    SignIns signIns;

    @Inject
    TenantsDomain domain;

    /** Starts this host's session for a sign-in, under a new session id (no fixation). */
    public void begin(HttpServletRequest request, String signInId) {
        TenantLabel label = labelOf(request).orElseThrow(() -> new IllegalStateException("No tenant at this host"));
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, new Binding(signInId, label.value()));
    }

    public Optional<String> signInOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Binding binding)) {
            return Optional.empty();
        }
        boolean sameTenant = labelOf(request).map(label -> label.value().equals(binding.label())).orElse(false);
        return sameTenant ? Optional.of(binding.signInId()) : Optional.empty();
    }

    Optional<Caller> callerOf(HttpServletRequest request) {
        return signInOf(request).flatMap(signIns::callerOf);
    }

    /** Ends the sign-in behind this session, on every host, and this session. */
    public void end(HttpServletRequest request) {
        signInOf(request).ifPresent(signIns::end);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private Optional<TenantLabel> labelOf(HttpServletRequest request) {
        return domain.labelOf(request.getHeader("Host"));
    }
}
