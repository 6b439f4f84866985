package io.tenantry.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.tenantry.platform.NoSuchItemException;
import jakarta.faces.context.FacesContext;

/** What a page does when the item its address names does not exist here: the branded 404 page. */
public final class Pages {

    private Pages() {
    }

    /** Runs the page's loading; an item missing in this tenant answers 404 instead of a broken page. */
    public static void load(Runnable loading) {
        try {
            loading.run();
        } catch (NoSuchItemException missing) {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().responseSendError(404, Messages.reason(missing));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}
