package io.tenantry.accounts;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.tenantry.platform.TrustedProxies;
import io.tenantry.tenancy.TenantUrls;
import io.tenantry.web.Messages;
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
    RegistrationThrottle throttle;

    @Inject
    TrustedProxies proxies;

    @Inject
    TenantUrls urls;

    @Inject
    @ConfigProperty(name = "registration.enabled", defaultValue = "true")
    boolean enabled;

    private String email;
    private String next;

    public void register() {
        if (!enabled) {
            Messages.error("register.disabled");
            return;
        }
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        String address = proxies.clientAddress(request);
        try {
            throttle.check(address);
            throttle.counted(address);
            registrations.request(email, urls.publicRoot(request), next);
        } catch (TooManyAttemptsException | InvalidAccountException e) {
            Messages.failure(e);
            return;
        }
        Messages.info("register.checkMail", email.strip());
        email = null;
    }

    public boolean isEnabled() {
        return enabled;
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
