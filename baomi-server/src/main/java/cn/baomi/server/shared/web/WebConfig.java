package cn.baomi.server.shared.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese by default; {@code ?lang=en} (or {@code zh-CN}) switches and is remembered in a cookie. A client of the JSON
 * API without that cookie gets English problem details when its {@code Accept-Language} asks for English before
 * Chinese; pages stay Chinese by default whatever the browser sends.
 */
@Configuration
class WebConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("BAOMI_LANG");
        resolver.setDefaultLocaleFunction(WebConfig::defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    static Locale defaultLocale(HttpServletRequest request) {
        String accept = request.getHeader("Accept-Language");
        if (accept != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            try {
                Locale chosen = Locale.lookup(Locale.LanguageRange.parse(accept),
                        List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
                if (chosen != null) {
                    return chosen;
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header: the default
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
