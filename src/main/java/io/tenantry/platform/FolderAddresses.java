package io.tenantry.platform;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers the address of each folder of the web root written without its closing slash
 * ({@code /admin}, {@code /resources}) with a relative redirect to the folder ({@code admin/}), after
 * the filters, instead of leaving it to the container.
 *
 * <p>Why: the container redirects such an address before any filter runs, to an absolute address
 * built from the {@code Host} header as sent (any host, even one Tenantry answers 404 for; a shared
 * cache could keep it) and its own scheme ({@code http://} behind a TLS proxy). An exact servlet
 * mapping is matched before the container looks for a folder (Servlet 6.0, 12.2), so each folder
 * found in the web root at deployment is mapped here, {@code WEB-INF} and {@code META-INF} and theirs
 * too: those are never served, so they are answered 404.
 */
@WebListener
public class FolderAddresses implements ServletContextListener {

    private static final List<String> HIDDEN = List.of("/WEB-INF/", "/META-INF/");

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        List<String> folders = foldersOf(context);
        // Never served, so answered 404 here whether or not this WAR has them.
        HIDDEN.stream().filter(hidden -> !folders.contains(hidden)).forEach(folders::add);
        context.addServlet("FolderAddresses", new ToTheFolder())
                .addMapping(folders.stream().map(folder -> folder.substring(0, folder.length() - 1)).toArray(String[]::new));
    }

    /** Every folder under the web root, as {@code /a/b/}. */
    static List<String> foldersOf(ServletContext context) {
        List<String> folders = new ArrayList<>();
        Deque<String> toRead = new ArrayDeque<>(List.of("/"));
        while (!toRead.isEmpty()) {
            Set<String> paths = context.getResourcePaths(toRead.pop());
            for (String path : paths == null ? Set.<String>of() : paths) {
                if (path.endsWith("/")) {
                    folders.add(path);
                    toRead.push(path);
                }
            }
        }
        return folders;
    }

    /** Redirects {@code /a/b} to {@code b/} (relative, so the browser keeps host and scheme), query kept; 404 for a hidden folder. */
    private static final class ToTheFolder extends HttpServlet {

        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getServletPath();
            if (HIDDEN.stream().anyMatch(hidden -> (path + "/").startsWith(hidden))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", path.substring(path.lastIndexOf('/') + 1) + "/" + (query == null ? "" : "?" + query));
        }
    }
}
