package io.tenantry.mail;

import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends mail through the SMTP server of SMTP_HOST (SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD,
 * SMTP_STARTTLS, MAIL_FROM). Without SMTP_HOST, as under {@code mvn -Prun}, each message is
 * written whole to the log, so a developer can follow its links. Mail leaves in the background:
 * a slow server never slows a page, and response times tell nothing about which addresses exist.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "mail.from", defaultValue = "Tenantry <no-reply@localhost>")
    String from;

    @Resource
    ManagedExecutorService executor;

    /**
     * The one mail session, made at the first mail when SMTP_HOST is set: {@code Session.getInstance}
     * reads the mail providers from every jar the class loader sees: a scan per message, about 1 % of the
     * shared test server's samples in a whole run (JFR).
     */
    private Session session;

    public void send(Mail mail) {
        executor.execute(() -> deliver(mail));
    }

    private void deliver(Mail mail) {
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            LOG.info("SMTP_HOST is not set, so this mail was not sent:\nTo: " + mail.to() + "\nSubject: "
                    + mail.subject() + "\n\n" + mail.body());
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to()));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            Transport.send(message);
            LOG.fine(() -> "Sent '" + mail.subject() + "' to " + mail.to());
        } catch (MessagingException e) {
            LOG.log(Level.SEVERE, "Could not send '" + mail.subject() + "' to " + mail.to() + " through "
                    + host.get() + ":" + port, e);
        }
    }

    private synchronized Session session() {
        if (session == null) {
            session = newSession();
        }
        return session;
    }

    private Session newSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        if (username.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            return Session.getInstance(properties, new jakarta.mail.Authenticator() {
                @Override
                protected jakarta.mail.PasswordAuthentication getPasswordAuthentication() {
                    return new jakarta.mail.PasswordAuthentication(username.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(properties);
    }
}
