package io.tenantry.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;

import io.tenantry.tenancy.Audited;
import io.tenantry.tenancy.PublicAddresses;
import io.tenantry.tenancy.TenantLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Signs a browser in on the public host and works out where it goes next: back to the page it
 * wanted, through the hand-off when that page is on a tenant's host.
 */
@ApplicationScoped
public class BrowserSignIn {

    @Inject
    SignIns signIns;

    @Inject
    HostSessions sessions;

    @Inject
    Accounts accounts;

    @Inject
    PublicAddresses addresses;

    @Inject
    Event<Audited> audited;

    /** Signs in and answers the address to send the browser to. */
    public String signIn(HttpServletRequest request, Account account, String next) {
        sessions.begin(request, signIns.start(account.id()));
        accounts.recordSignIn(account.id());
        audited.fire(Audited.onPlatform("signin", account.username()).by(account.username()).kept());
        return addresses.targetOf(next)
                .map(target -> target.label().equals(TenantLabel.PUBLIC) ? target.path()
                        : "/go/" + target.label().value() + "?next=" + URLEncoder.encode(target.path(), UTF_8))
                .orElseGet(() -> PublicAddresses.safeLocalPath(next));
    }
}
