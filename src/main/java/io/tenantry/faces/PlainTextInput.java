package io.tenantry.faces;

import io.tenantry.platform.PlainText;
import io.tenantry.platform.Reason;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;

/**
 * Every text a page's form submits passes {@link PlainText} before it reaches a bean: a NUL or
 * another control character is refused on its field (in the page's language) instead of failing
 * the request in PostgreSQL. Faces applies it to every input bound to a {@code String}.
 */
@FacesConverter(forClass = String.class)
public class PlainTextInput implements Converter<String> {

    /** The submitted text unchanged (null stays null); a {@link ConverterException} when it is refused. */
    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (PlainText.is(value)) {
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
