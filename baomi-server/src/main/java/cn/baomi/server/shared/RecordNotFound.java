package cn.baomi.server.shared;

/**
 * Published when a request was answered 404 because of a {@link NotFound}: the record does not exist or lies outside
 * what the user may know of. The user is not told which; the audit trail records the attempt (outcome DENIED).
 */
public record RecordNotFound(String what, String id, String method, String path) {

    public static RecordNotFound of(NotFound e, jakarta.servlet.http.HttpServletRequest request) {
        return new RecordNotFound(e.what(), e.id(), request.getMethod(), request.getRequestURI());
    }
}
