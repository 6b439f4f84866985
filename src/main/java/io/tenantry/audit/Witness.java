package io.tenantry.audit;

import java.util.Optional;

import io.tenantry.accounts.Caller;
import io.tenantry.accounts.CurrentCaller;
import io.tenantry.platform.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a change and from where: the request's caller (or the account the event names), the
 * client's address as {@link TrustedProxies} derives it (a configured proxy's forwarding believed,
 * nobody else's), and the host name asked for. Outside a request (start-up, the upgrade and retention
 * jobs) the change is the system's, from nowhere.
 */
@ApplicationScoped
public class Witness {

    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";

    @Inject
    CurrentCaller caller;

    @Inject
    HttpServletRequest request;

    @Inject
    TrustedProxies proxies;

    /** Who, from which address, on which host. */
    public record Seen(String actor, String address, String host) {
    }

    /** What the current request tells of a change; {@code actor}: who did it, when not the caller. */
    public Seen now(Optional<String> actor) {
        String address;
        String host;
        try {
            address = proxies.clientAddress(request);
            host = request.getServerName();
        } catch (RuntimeException noRequest) {
            // No servlet request on this thread (ContextNotActiveException, or none behind the proxy).
            return new Seen(actor.orElse(SYSTEM), "", "");
        }
        String who = actor.orElseGet(() -> caller.signedIn().map(Caller::username).orElse(ANONYMOUS));
        return new Seen(who, address == null ? "" : address, host == null ? "" : host);
    }
}
