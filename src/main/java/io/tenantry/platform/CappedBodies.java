package io.tenantry.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Holds every request body to its {@link BodyLimits limit} before anything reads it: a declared
 * length over the limit is answered 413 unread; a body sent in chunks is counted as it is read and
 * fails at the limit ({@link CountedInput}), answered 413; a multipart body where no form uploads is
 * answered 415 unread, and one without a declared length 411 (the container parses multipart itself,
 * past any stream of ours, so its length must be known first). The parts the container spooled for
 * a page's upload are deleted when the request ends, whatever happened. Refusals are problem
 * documents (pages for browsers) and close the connection, so the rest of the body is not read.
 * Declared in web.xml right after {@link SecurityHeaders}, before any filter that could read a
 * parameter.
 */
public class CappedBodies extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CappedBodies.class.getName());

    @Inject
    transient BodyLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyLimits.Limit limit = limits.of(request);
        if (limit instanceof BodyLimits.NoMultipart) {
            refuse(request, response, 415, Reason.of("title.unsupportedBody"), Reason.of("body.noUploadHere"));
            return;
        }
        if (!(limit instanceof BodyLimits.AtMost atMost)) {
            chain.doFilter(request, response);
            return;
        }
        OptionalLong declared = BodyLimits.declaredLength(request);
        if (declared.isPresent() && declared.getAsLong() > atMost.bytes()) {
            refuse(request, response, 413, Reason.of("title.tooLarge"), atMost.reason());
            return;
        }
        boolean multipart = BodyLimits.isMultipart(request);
        if (multipart && declared.isEmpty()) {
            refuse(request, response, 411, Reason.of("title.lengthRequired"), Reason.of("body.lengthRequired"));
            return;
        }
        Capped capped = new Capped(request, atMost);
        try {
            chain.doFilter(capped, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!capped.overLimit() || response.isCommitted()) {
                throw failure;
            }
        } finally {
            if (multipart) {
                capped.deleteSpooledParts();
            }
        }
        if (capped.overLimit() && !response.isCommitted()) {
            response.reset();
            refuse(request, response, 413, Reason.of("title.tooLarge"), atMost.reason());
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, Reason title,
            Reason detail) throws IOException {
        // Closing tells the container not to read (and throw away) the rest of the body first.
        response.setHeader("Connection", "close");
        ProblemResponse.send(request, response, status, title, detail);
    }

    /**
     * The request as the application sees it: its body counted against the limit, and a note of
     * whether the container was made to parse (and spool) multipart parts.
     */
    private static final class Capped extends HttpServletRequestWrapper {

        private final BodyLimits.AtMost limit;
        private CountedInput input;
        private boolean parsed;

        Capped(HttpServletRequest request, BodyLimits.AtMost limit) {
            super(request);
            this.limit = limit;
        }

        boolean overLimit() {
            return input != null && input.overLimit();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new CountedInput(super.getInputStream(), limit);
            }
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public String getParameter(String name) {
            parsed = true;
            return super.getParameter(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            parsed = true;
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            parsed = true;
            return super.getParameterNames();
        }

        @Override
        public String[] getParameterValues(String name) {
            parsed = true;
            return super.getParameterValues(name);
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            parsed = true;
            return super.getParts();
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            parsed = true;
            return super.getPart(name);
        }

        /**
         * Deletes what the container spooled for the parts, once the request is done with them;
         * asks for the parts only when they were parsed already, so an unread body stays unread.
         */
        void deleteSpooledParts() {
            if (!parsed) {
                return;
            }
            try {
                for (Part part : super.getParts()) {
                    part.delete();
                }
            } catch (IOException | ServletException | IllegalStateException | UncheckedIOException e) {
                LOG.log(Level.WARNING, "Could not delete the spooled parts of an upload", e);
            }
        }
    }
}
