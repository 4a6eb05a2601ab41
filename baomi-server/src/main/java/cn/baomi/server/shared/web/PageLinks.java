package cn.baomi.server.shared.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/** The previous and next page links of a list page, keeping the filters of the current request. */
public record PageLinks(String previous, String next) {

    public static PageLinks of(HttpServletRequest request, int page, boolean hasPrevious, boolean hasNext) {
        return new PageLinks(hasPrevious ? link(request, page - 1) : null, hasNext ? link(request, page + 1) : null);
    }

    /**
     * The last page, with the request's filters, when an empty page past it was asked for (an old link, a list that
     * has shrunk, a page number typed by hand); the list page redirects there instead of showing "第 100 / 1 页".
     */
    public static Optional<String> pastTheEnd(HttpServletRequest request, int page, int pages, boolean empty) {
        boolean past = empty && page > 0 && page >= pages;
        return past ? Optional.of(link(request, Math.max(0, pages - 1))) : Optional.empty();
    }

    private static String link(HttpServletRequest request, int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("lang") && !name.equals("_csrf")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        return builder.queryParam("page", page).encode().build().toUriString();
    }
}
