package io.tenantry.platform;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * How large a request's body may be, by what the request is: a logo 256 KiB, a file (an attachment,
 * a JUnit report, a page's upload) {@code ATTACHMENTS_MAX_SIZE_MB}, an archive to import only the
 * listener's cap ({@code max-post-size-bytes} in {@code payara-config/}), anything else (JSON, forms)
 * 1 MiB. Multipart bodies are taken only by the pages that upload ({@link #UPLOAD_PAGES}); anywhere
 * else they are refused before the container parses and spools them. Paths are matched as the
 * container serves them ({@link RequestPath}); a path written some other way falls to the smaller
 * default, never to a larger limit.
 */
@ApplicationScoped
public class BodyLimits {

    /** JSON documents and form posts: the largest text a field takes is far below this. */
    public static final long DEFAULT_BYTES = 1024 * 1024;
    /** The largest logo, in bytes; {@code access.TenantSettings} checks the same. */
    public static final long LOGO_BYTES = 256 * 1024;
    /** Room for a page's other fields (view state, nonce, buttons) next to the file of an upload. */
    static final long FORM_FIELDS_BYTES = 256 * 1024;
    /** The Faces views with a form that uploads a file: the only ones that take multipart bodies. */
    static final Set<String> UPLOAD_PAGES = Set.of("/case.xhtml", "/settings.xhtml");

    private static final Pattern LOGO = Pattern.compile("/api/settings/logo");
    private static final Pattern ARCHIVE = Pattern.compile("/api/archive");
    private static final Pattern FILE = Pattern.compile("/api/(cases/\\d+|runs/\\d+|runs/\\d+/executions/\\d+)/attachments"
            + "|/api/runs/\\d+/junit");

    @Inject
    @ConfigProperty(name = "attachments.max-size-mb", defaultValue = "10")
    int attachmentsMaxSizeMb;

    /** What a request's body may be. */
    public sealed interface Limit {
    }

    /** Up to {@code bytes}; above, refused with {@code reason}. */
    public record AtMost(long bytes, Reason reason) implements Limit {
    }

    /** Only the listener's cap applies: archives, whose contents the import checks as it reads them. */
    public record ListenerCap() implements Limit {
    }

    /** A multipart body where no form uploads: refused unread (415). */
    public record NoMultipart() implements Limit {
    }

    /** The limit of this request's body. */
    public Limit of(HttpServletRequest request) {
        String path = RequestPath.of(request);
        if (isMultipart(request)) {
            return UPLOAD_PAGES.contains(path) && "POST".equals(request.getMethod())
                    ? new AtMost(fileBytes() + FORM_FIELDS_BYTES, fileTooLarge())
                    : new NoMultipart();
        }
        if (LOGO.matcher(path).matches()) {
            return new AtMost(LOGO_BYTES, Reason.of("logo.tooLarge", LOGO_BYTES / 1024));
        }
        if (ARCHIVE.matcher(path).matches()) {
            return new ListenerCap();
        }
        if (FILE.matcher(path).matches()) {
            return new AtMost(fileBytes(), fileTooLarge());
        }
        return new AtMost(DEFAULT_BYTES, Reason.of("body.tooLarge", DEFAULT_BYTES / 1024));
    }

    /** The largest file an upload may carry, in bytes ({@code ATTACHMENTS_MAX_SIZE_MB}). */
    public long fileBytes() {
        return attachmentsMaxSizeMb * 1024L * 1024L;
    }

    private Reason fileTooLarge() {
        return Reason.of("file.tooLarge", attachmentsMaxSizeMb);
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The declared length, when the request declares one (not chunked). */
    static OptionalLong declaredLength(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }
}
