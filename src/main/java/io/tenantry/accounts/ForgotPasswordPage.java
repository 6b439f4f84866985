package io.tenantry.accounts;

import io.tenantry.tenancy.TenantUrls;
import io.tenantry.faces.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Asks for a password-reset link; answers the same whether or not an account uses the address. */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordResets resets;

    @Inject
    TenantUrls urls;

    private String email;

    public void send() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        resets.request(email, urls.publicRoot(request));
        Messages.info("forgot.sent", email == null ? "" : email.strip());
        email = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
