package io.tenantry.faces;

import io.tenantry.platform.PlainText;
import io.tenantry.platform.Reason;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Every text a page's form submits passes {@link PlainText} before it reaches a bean: a NUL or
 * another control character is refused on its field (in the page's language) instead of failing
 * the request in PostgreSQL. Faces applies it to every input bound to a {@code String}, except a
 * page's view parameters (its address: {@code case.xhtml?id=…}), which the page reads by a rule of
 * its own.
 */
@FacesConverter(forClass = String.class)
public class PlainTextInput implements Converter<String> {

    /**
     * The submitted text unchanged (null stays null); a {@link ConverterException} when it is
     * refused. A view parameter's text is never refused here: a refusal skips the page's view action
     * and leaves the page half built (a 500, or an empty case page instead of 404). Each page checks
     * its own ({@link ItemIds}: digits only, else 404; a link's secret is only digested; a way back
     * goes through {@code PublicAddresses.safeLocalPath}), so no control character reaches a query.
     */
    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (component instanceof UIViewParameter || PlainText.is(value)) {
            return value;
        }
        Object label = component.getAttributes().get("label");
        String words = Reason.of("text.control", label != null ? label : component.getId())
                .in(context.getViewRoot().getLocale());
        throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, words, words));
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }
}
