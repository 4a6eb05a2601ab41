package cn.baomi.server.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/** The previous and next page links of a list page, keeping the filters of the current request. */
public record PageLinks(String previous, String next) {

    public static PageLinks of(HttpServletRequest request, int page, boolean hasPrevious, boolean hasNext) {
        return new PageLinks(hasPrevious ? link(request, page - 1) : null, hasNext ? link(request, page + 1) : null);
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
