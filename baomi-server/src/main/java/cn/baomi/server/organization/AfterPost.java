package cn.baomi.server.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Where a page goes after a POST, with a notice for the next page. A plain form gets a redirect; an
 * htmx request (used where the button asks for confirmation first) gets {@code HX-Redirect}, because
 * htmx would otherwise follow the redirect and swap a whole page into the button.
 */
final class AfterPost {

    private AfterPost() {
    }

    static String redirect(String path, String noticeKey, HttpServletRequest request, HttpServletResponse response) {
        RequestContextUtils.getOutputFlashMap(request).put("notice", noticeKey);
        if ("true".equals(request.getHeader("HX-Request"))) {
            String target = request.getContextPath() + path;
            RequestContextUtils.saveOutputFlashMap(target, request, response);
            response.setHeader("HX-Redirect", target);
            return null;
        }
        return "redirect:" + path;
    }
}
