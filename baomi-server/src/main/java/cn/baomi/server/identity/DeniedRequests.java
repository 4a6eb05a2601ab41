package cn.baomi.server.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import org.springframework.security.web.csrf.CsrfException;

import cn.baomi.server.audit.AuditRecord;
import cn.baomi.server.audit.AuditTrail;

/**
 * A refused request is audited (outcome DENIED) and answered in the user's language: the 403 page
 * for a browser, an RFC 9457 problem for the API.
 */
@Component
class DeniedRequests implements AccessDeniedHandler, AuthenticationEntryPoint {

    private final AuditTrail audit;
    private final MessageSource messages;
    private final LocaleResolver locales;

    DeniedRequests(AuditTrail audit, MessageSource messages, LocaleResolver locales) {
        this.audit = audit;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String path = request.getRequestURI();
        String accept = String.valueOf(request.getHeader("Accept"));
        boolean expired = denied instanceof CsrfException;
        boolean browser = accept.contains("text/html") || !accept.contains("json");
        audit.record(new AuditRecord(expired ? "CSRF_REJECTED" : "ACCESS_DENIED", "path", truncate(path),
                AuditRecord.Outcome.DENIED, request.getMethod()));
        if (path.startsWith(request.getContextPath() + "/api/")) {
            problem(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
        } else if (expired && browser) {
            // a form from a page left open past its session, or from before signing out: not a lack of rights
            response.sendRedirect(request.getContextPath() + "/login?expired");
        } else {
            response.sendError(HttpStatus.FORBIDDEN.value());
        }
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problem(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        String title = messages.getMessage(key, null, locales.resolveLocale(request));
        response.setStatus(status.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"urn:baomi:problem:" + status.name().toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":" + status.value() + "}");
    }

    private static String truncate(String path) {
        return path.length() > 60 ? path.substring(0, 60) : path;
    }
}
