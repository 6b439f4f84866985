package io.tenantry.faces;

import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.context.PrimeFacesContext;

/**
 * Checks a postback's CSP nonce ({@code primefaces.nonce}) against the one its page was rendered with
 * as soon as the view is restored, before any value of the form is applied.
 *
 * <p>Why: PrimeFaces compares them only when the answer is rendered, after the form's action has
 * already run, so a form posted with another page's nonce (a script's, never a browser's) was saved
 * and then refused. Thrown here, its {@code CspException} reaches the exception handler
 * ({@code web.RefusalPages}: 400 for a page, PrimeFaces' error answer for an AJAX request) with
 * nothing changed. Does nothing when PrimeFaces' CSP mode ({@code primefaces.CSP}) is off or the
 * request is no postback.
 */
public class NonceBeforeChanges implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        var faces = event.getFacesContext();
        if (faces.getViewRoot() == null || !faces.isPostback()
                || !PrimeApplicationContext.getCurrentInstance(faces).getConfig().isCsp()) {
            return;
        }
        // Reads the nonce the view was rendered with and throws CspException when the posted one differs.
        PrimeFacesContext.getCspState(faces).getNonce();
    }
}
