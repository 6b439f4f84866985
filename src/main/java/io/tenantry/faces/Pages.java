package io.tenantry.faces;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.faces.context.FacesContext;

/** What pages of items share: a new item opens its page. */
public final class Pages {

    private Pages() {
    }

    /** Makes an item and opens its page ({@code page?id=…}); a refusal stays here with its reason. */
    public static void createThenOpen(Supplier<Long> creating, String page) throws IOException {
        long id;
        try {
            id = creating.get();
        } catch (IllegalArgumentException refused) {
            Messages.failure(refused);
            return;
        }
        FacesContext.getCurrentInstance().getExternalContext().redirect(page + "?id=" + id);
    }
}
