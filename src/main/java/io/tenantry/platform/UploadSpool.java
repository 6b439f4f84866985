package io.tenantry.platform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The folder where the container spools the parts of a page's upload ({@code <location>} of the
 * Faces servlet's multipart-config in web.xml, {@value #FOLDER}, which the container resolves in the
 * application's temporary folder): made before the first request, readable by the server's own user
 * only, and emptied of whatever a crash left there. {@link CappedBodies} deletes each request's
 * parts when it ends. Fails the deployment if the folder cannot be made private.
 */
@WebListener
public class UploadSpool implements ServletContextListener {

    /** The folder's name inside the application's temporary folder, as web.xml names it. */
    public static final String FOLDER = "uploads";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Path spool = folderOf(event.getServletContext());
        try {
            Files.createDirectories(spool);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(spool, PosixFilePermissions.fromString("rwx------"));
            }
            empty(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the private folder for uploads " + spool, e);
        }
    }

    /** The spool folder of this application. */
    public static Path folderOf(ServletContext context) {
        File temp = (File) context.getAttribute(ServletContext.TEMPDIR);
        return temp.toPath().resolve(FOLDER).toAbsolutePath().normalize();
    }

    private static void empty(Path spool) throws IOException {
        try (Stream<Path> paths = Files.walk(spool)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(spool)).toList()) {
                Files.delete(path);
            }
        }
    }
}
