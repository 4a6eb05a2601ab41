package cn.baomi.server.carrier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/** The previous and next page links of the ledger list, keeping the filters of the current request. */
record PageLinks(String previous, String next) {

    static PageLinks of(HttpServletRequest request, LedgerPage<?> result) {
        return new PageLinks(result.hasPrevious() ? link(request, result.page() - 1) : null,
                result.hasNext() ? link(request, result.page() + 1) : null);
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
