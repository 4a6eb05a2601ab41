package cn.baomi.server.identity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import cn.baomi.server.shared.Role;

/**
 * Who may reach what. Business pages and API calls are closed to the three administrators by
 * default: a path is open to an administrator only if it is named here. The API is stateless and
 * signed in by personal tokens; the pages use a form sign-in, CSRF tokens and a strict CSP.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    private static final String[] STRUCTURE_PAGES = {"/units/**", "/departments/**", "/positions/**"};
    private static final String[] STRUCTURE_API = {"/api/units/**", "/api/departments/**", "/api/positions/**"};

    @Bean
    PasswordEncoder passwordEncoder(SecuritySettings settings) {
        return new BCryptPasswordEncoder(settings.bcryptStrength());
    }

    /** Spring Security's strict firewall, with its header and parameter name rules tested without regular expressions. */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderText.firewall();
    }

    /**
     * No Micrometer observation around every security filter: nothing reads them (only the health endpoint is
     * exposed), and wrapping each of the chain's filters cost a measurable share of an API request
     * (docs/decisions/ledger-performance.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, DeniedRequests denied) throws Exception {
        // the API description too, for a client that signs in by token (a browser reads it through its session)
        RequestMatcher docsByToken = request -> String.valueOf(request.getHeader("Authorization")).startsWith("Bearer ")
                && request.getRequestURI().startsWith(request.getContextPath() + "/v3/api-docs");
        return http.securityMatchers(m -> m.requestMatchers("/api/**").requestMatchers(docsByToken))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // stateless and signed in by token: no saved request to resume, no sign-out, no servlet-API wrapper
                .requestCache(c -> c.disable())
                .logout(l -> l.disable())
                .servletApi(s -> s.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/me", "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .requestMatchers(STRUCTURE_API).hasAnyRole(structureRoles())
                        .requestMatchers("/api/persons/**").hasAnyRole(personReaders())
                        .anyRequest().hasAnyRole(businessRoles()))
                .exceptionHandling(e -> e.authenticationEntryPoint(denied).accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SignInEvents events, DeniedRequests denied)
            throws Exception {
        // SignInProvider is the one global AuthenticationProvider bean; adding it here too would count failures twice.
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/error/**", "/actuator/health").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.SYSTEM_ADMIN.name())
                        .requestMatchers("/security-admin/**").hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers("/audit/**").hasAnyRole(Role.SECURITY_AUDITOR.name(), Role.SECURITY_ADMIN.name())
                        .requestMatchers("/", "/account/**", "/v3/api-docs", "/v3/api-docs/**").authenticated()
                        .requestMatchers(STRUCTURE_PAGES).hasAnyRole(structureRoles())
                        .requestMatchers("/persons/**").hasAnyRole(personReaders())
                        .anyRequest().hasAnyRole(businessRoles()))
                .formLogin(form -> form.loginPage("/login").successHandler(events).failureHandler(events).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(events).logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .build();
    }

    static String[] businessRoles() {
        return Role.business().stream().map(Role::name).toArray(String[]::new);
    }

    static String[] personReaders() {
        return Role.personReaders().stream().map(Role::name).toArray(String[]::new);
    }

    static String[] structureRoles() {
        return java.util.stream.Stream.concat(Role.business().stream(), java.util.stream.Stream.of(Role.SYSTEM_ADMIN))
                .map(Role::name).toArray(String[]::new);
    }
}
