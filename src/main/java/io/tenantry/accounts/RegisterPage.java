package io.tenantry.accounts;

import io.tenantry.platform.TrustedProxies;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Self-service registration (REGISTRATION_ENABLED, on by default), first step: the e-mail address.
 * The answer is the same whether or not an account uses it ({@link Registrations}).
 */
@Named
@RequestScoped
public class RegisterPage {

    @Inject
    Registrations registrations;

    @Inject
    TrustedProxies proxies;

    @Inject
    TenantUrls urls;

    private String email;
    private String next;

    public void register() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        try {
            registrations.request(email, urls.publicRoot(request), next, proxies.clientAddress(request));
        } catch (TooManyAttemptsException | InvalidAccountException | NotPermittedException e) {
            Messages.failure(e);
            return;
        }
        Messages.info("register.checkMail", email.strip());
        email = null;
    }

    public boolean isEnabled() {
        return registrations.isOpen();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
