package io.tenantry.faces;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;

/**
 * Forms post to their page's address with the page's view parameters ({@code case.xhtml?id=12}),
 * not to the bare page: after any action, saved or refused, the address the browser shows still
 * names the item, so reopening or sharing it shows that item (Faces alone posts to
 * {@code case.xhtml}, which names none: 404). Registered in faces-config.xml for every page.
 */
public class KeptViewParameters extends ViewHandlerWrapper {

    /** @param wrapped the view handler this one adds the parameters to */
    public KeptViewParameters(ViewHandler wrapped) {
        super(wrapped);
    }

    /**
     * The address a form of the current view posts to: the wrapped handler's, with each view
     * parameter that has a value (as the page's model holds it) added, encoded. Another view's
     * address is left as it is.
     */
    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        UIViewRoot root = context.getViewRoot();
        if (root == null || !viewId.equals(root.getViewId())) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(root)) {
            String value = parameter.getStringValue(context);
            if (value != null && !value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(encoded(parameter.getName())).append('=')
                        .append(encoded(value));
            }
        }
        return query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
