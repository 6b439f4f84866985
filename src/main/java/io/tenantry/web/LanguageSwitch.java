package io.tenantry.web;

import java.io.IOException;

import io.tenantry.platform.Language;
import io.tenantry.tenancy.PublicAddresses;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /language?to=de&back=/path}: remembers the language on this host for a year and goes back. */
@WebServlet("/language")
public class LanguageSwitch extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Language.supported(String.valueOf(request.getParameter("to"))).ifPresent(locale -> {
            Cookie cookie = new Cookie(Language.COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        });
        response.sendRedirect(PublicAddresses.safeLocalPath(request.getParameter("back")));
    }
}
