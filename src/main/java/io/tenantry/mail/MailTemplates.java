package io.tenantry.mail;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import io.tenantry.platform.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;

/**
 * Mail texts from {@code io/tenantry/mail*.properties}, in the language of the person whose
 * request causes the mail (outside a request: English).
 */
@ApplicationScoped
public class MailTemplates {

    @Inject
    Language language;

    public Mail render(String to, String template, Object... arguments) {
        Locale locale = currentLocale();
        ResourceBundle bundle = ResourceBundle.getBundle("io.tenantry.mail", locale);
        return new Mail(to, format(bundle, template + ".subject", locale, arguments),
                format(bundle, template + ".body", locale, arguments));
    }

    private Locale currentLocale() {
        try {
            return language.getLocale();
        } catch (ContextNotActiveException noRequest) {
            return Locale.ENGLISH;
        }
    }

    private static String format(ResourceBundle bundle, String key, Locale locale, Object[] arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
