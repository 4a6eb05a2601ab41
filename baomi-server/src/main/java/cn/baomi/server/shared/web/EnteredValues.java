package cn.baomi.server.shared.web;

import java.util.HashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a user typed into a one-row entry form that was refused, carried across the redirect back to the page
 * (flash attribute {@code entered}) so that the fields of {@code fragments/fields.html} show it again and a person
 * list keeps the person chosen, instead of falling back to the first one.
 */
public final class EnteredValues {

    public static final String ATTRIBUTE = "entered";

    private EnteredValues() {
    }

    /**
     * Flashes the current request's parameters (first value each) for the page redirected to; never the CSRF token or
     * a password, which would otherwise be kept in the session store.
     */
    public static void keep(RedirectAttributes redirect) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        HashMap<String, String> values = new HashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (!name.equals("_csrf") && !name.toLowerCase(java.util.Locale.ROOT).contains("password") && given.length > 0) {
                values.put(name, given[0]);
            }
        });
        redirect.addFlashAttribute(ATTRIBUTE, values);
    }
}
