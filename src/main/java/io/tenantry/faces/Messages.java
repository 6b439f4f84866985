package io.tenantry.faces;

import java.text.MessageFormat;
import java.util.ResourceBundle;

import io.tenantry.platform.Reason;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Page messages, in the language of the page, from the {@code msg} bundle. */
public final class Messages {

    private Messages() {
    }

    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return new MessageFormat(bundle.getString(key), faces.getViewRoot().getLocale()).format(arguments);
    }

    public static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    public static void error(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_ERROR, text(key, arguments));
    }

    /** An error whose words come from the service that refused, such as a broken rule. */
    public static void failure(RuntimeException refusal) {
        add(FacesMessage.SEVERITY_ERROR, reason(refusal));
    }

    /** A refusal's words in the language of the page. */
    public static String reason(RuntimeException refusal) {
        return Reason.wordsOf(refusal, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
