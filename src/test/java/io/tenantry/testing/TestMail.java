package io.tenantry.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server in the test JVM, started before any test class so that every Payara Micro of
 * the run is given its port (SMTP_HOST, SMTP_PORT; {@link PayaraProcess}). Tests read what Tenantry sent.
 */
public class TestMail implements LauncherSessionListener {

    static final String PORT_PROPERTY = "tenantry.test.smtp.port";
    private static GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("tenantry.test.database") || server != null) {
            return; // unit-test JVM, or already started
        }
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getSmtp().getPort()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A message received for the address, as (subject, body); waits for it to arrive. */
    public static Received awaitMailTo(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> messages = receivedBy(address);
            if (!messages.isEmpty()) {
                return messages.get(messages.size() - 1);
            }
            pause();
        }
        throw new AssertionError("No mail to " + address + " within 20 s");
    }

    /**
     * A message received for the address whose body contains {@code text}; waits for it to arrive.
     * For addresses that other tests of the run also write to (the operators'), where the newest
     * message may be someone else's.
     */
    public static Received awaitMailTo(String address, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (Received mail : receivedBy(address)) {
                if (mail.body().contains(text)) {
                    return mail;
                }
            }
            pause();
        }
        throw new AssertionError("No mail to " + address + " containing " + text + " within 20 s");
    }

    /**
     * The message that {@code action} makes Tenantry send to the address: the first to arrive after
     * it whose body contains {@code text} (other mail, such as operators' notices, may come between).
     */
    public static Received nextMailTo(String address, String text, Runnable action) {
        int before = countTo(address);
        action.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> arrived = receivedBy(address);
            for (Received mail : arrived.subList(Math.min(before, arrived.size()), arrived.size())) {
                if (mail.body().contains(text)) {
                    return mail;
                }
            }
            pause();
        }
        throw new AssertionError("No new mail to " + address + " containing " + text + " within 20 s");
    }

    private static List<Received> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> GreenMailUtil.getAddressList(recipients(message)).contains(address))
                .map(TestMail::received).toList();
    }

    private static Received received(MimeMessage message) {
        try {
            // Decoded: a message with words beyond ASCII travels quoted-printable, "=" as "=3D".
            return new Received(message.getSubject(), message.getContent() instanceof String text ? text
                    : GreenMailUtil.getBody(message).replace("=\r\n", ""));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every message received for the address so far, oldest first. */
    public static List<Received> receivedTo(String address) {
        return receivedBy(address);
    }

    /** How many messages have been received for the address. */
    public static int countTo(String address) {
        return (int) Arrays.stream(server.getReceivedMessages())
                .filter(message -> GreenMailUtil.getAddressList(recipients(message)).contains(address)).count();
    }

    private static jakarta.mail.Address[] recipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A received message. */
    public record Received(String subject, String body) {

        /** The first link in the body that starts with the prefix. */
        public String link(String prefix) {
            Matcher link = Pattern.compile(Pattern.quote(prefix) + "\\S+").matcher(body);
            if (!link.find()) {
                throw new AssertionError("No link starting with " + prefix + " in: " + body);
            }
            return link.group();
        }

        /** The secret of the first link in the body ({@code token=…}). */
        public String token() {
            Matcher token = Pattern.compile("[?&]token=([^&\\s]+)").matcher(body);
            if (!token.find()) {
                throw new AssertionError("No link with a token in: " + body);
            }
            return token.group(1);
        }
    }
}
