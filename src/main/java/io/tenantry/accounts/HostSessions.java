package io.tenantry.accounts;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * The session names the sign-in it came from, which ends for every host at sign-out, and holds the
 * token its sign-out form carries, so that no other page can sign the person out.
 */
@ApplicationScoped
public class HostSessions {

    private static final String ATTRIBUTE = HostSessions.class.getName();

    record Binding(String signInId, String label, String signOutToken) implements Serializable {
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
        request.getSession().setAttribute(ATTRIBUTE, new Binding(signInId, label.value(), Secrets.random()));
    }

    public Optional<String> signInOf(HttpServletRequest request) {
        return bindingOf(request).map(Binding::signInId);
    }

    /** The token the sign-out form of this host's pages carries; none when no one is signed in here. */
    public Optional<String> signOutTokenOf(HttpServletRequest request) {
        return bindingOf(request).map(Binding::signOutToken);
    }

    /** The caller of this host's session: a public-host session reaches the account, a tenant host's only its tenant. */
    Optional<Caller> callerOf(HttpServletRequest request) {
        return bindingOf(request).flatMap(binding -> signIns.callerOf(binding.signInId(),
                TenantLabel.PUBLIC.value().equals(binding.label()) ? Credential.PUBLIC_SESSION
                        : Credential.TENANT_SESSION));
    }

    /**
     * Ends the sign-in behind this session, on every host, and this session, when {@code token} is
     * the session's sign-out token; answers whether it did. Without a sign-in here there is nothing
     * to protect: the session ends whatever the token.
     */
    public boolean end(HttpServletRequest request, String token) {
        Optional<Binding> binding = bindingOf(request);
        if (binding.isPresent() && !sameText(binding.get().signOutToken(), token)) {
            return false;
        }
        binding.map(Binding::signInId).ifPresent(signIns::end);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return true;
    }

    private Optional<Binding> bindingOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Binding binding)) {
            return Optional.empty();
        }
        boolean sameTenant = labelOf(request).map(label -> label.value().equals(binding.label())).orElse(false);
        return sameTenant ? Optional.of(binding) : Optional.empty();
    }

    /** In a time that does not tell how much of a guess was right. */
    private static boolean sameText(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<TenantLabel> labelOf(HttpServletRequest request) {
        return domain.labelOf(request.getHeader("Host"));
    }
}
