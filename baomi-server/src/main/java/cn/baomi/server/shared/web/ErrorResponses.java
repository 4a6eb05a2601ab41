package cn.baomi.server.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen before any controller is chosen (an unknown path, a wrong method): a browser gets the
 * error page of {@code templates/error/}, every other client an RFC 9457 problem in its language — never a
 * stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorResponses extends BasicErrorController {

    private static final Map<Integer, String> TITLES = Map.of(401, "problem.unauthorized", 403, "problem.forbidden",
            404, "problem.notFound", 409, "problem.conflict");
    private final MessageSource messages;

    ErrorResponses(ErrorAttributes attributes, List<ErrorViewResolver> resolvers, MessageSource messages) {
        super(attributes, new ErrorProperties(), resolvers);
        this.messages = messages;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        String title = messages.getMessage(TITLES.getOrDefault(status.value(), "problem.request"), null,
                LocaleContextHolder.getLocale());
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Map<String, Object> body = Map.of("type", URI.create("urn:baomi:problem:http-" + status.value()).toString(),
                "title", title, "status", status.value(), "instance", path == null ? "" : path.toString());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
