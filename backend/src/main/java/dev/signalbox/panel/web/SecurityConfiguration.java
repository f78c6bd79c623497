package dev.signalbox.panel.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;

import dev.signalbox.panel.auth.ApiTokenAuthenticationFilter;
import dev.signalbox.panel.auth.CurrentUserFilter;
import dev.signalbox.panel.auth.SignalboxPrincipal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/** Who may call what: the console files are public, the API needs a session or an API token. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Platform operator views: for everybody else they do not exist. */
    static final String OPERATOR_PATHS = "/api/v1/operator/**";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenAuthenticationFilter apiTokenFilter,
            CurrentUserFilter currentUserFilter, SecurityContextRepository contextRepository, CsrfTokenRepository csrfTokenRepository,
            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDeniedHandler) {
        http
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.spa()
                        .csrfTokenRepository(csrfTokenRepository)
                        .requireCsrfProtectionMatcher(SecurityConfiguration::cookieAuthenticatedChange)
                        .ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/v1/signup"),
                                pathPattern(HttpMethod.POST, "/api/v1/session"),
                                pathPattern(HttpMethod.POST, "/api/v1/invitations/accept")))
                .addFilterAfter(apiTokenFilter, ExceptionTranslationFilter.class)
                .addFilterBefore(currentUserFilter, AuthorizationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/v1/signup")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/v1/session")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.DELETE, "/api/v1/session")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/v1/invitations/accept")).permitAll()
                        // identity and audit: operator views (404 for others, see ProblemAccessDeniedHandler),
                        // tenant administration for admins, the audit log for admins and editors
                        .requestMatchers(pathPattern(OPERATOR_PATHS)).hasAuthority(SignalboxPrincipal.OPERATE_PLATFORM)
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/v1/audit-events")).hasAuthority(SignalboxPrincipal.READ_AUDIT)
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/v1/users/**"), pathPattern(HttpMethod.GET, "/api/v1/invitations/**"),
                                pathPattern(HttpMethod.GET, "/api/v1/tenant-tokens/**")).hasAuthority(SignalboxPrincipal.READ_TENANT_ADMIN)
                        .requestMatchers(pathPattern("/api/v1/users/**"), pathPattern("/api/v1/invitations/**"),
                                pathPattern("/api/v1/tenant-tokens/**")).hasAuthority(SignalboxPrincipal.WRITE_TENANT_ADMIN)
                        .requestMatchers(pathPattern(HttpMethod.GET, "/api/**")).hasAuthority(SignalboxPrincipal.READ_CONFIG)
                        // a plan only computes what a PUT would change, so reading is enough
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/v1/load-balancers/*/configuration/plan"))
                                .hasAuthority(SignalboxPrincipal.READ_CONFIG)
                        .requestMatchers(pathPattern("/api/v1/tokens/**")).hasAuthority(SignalboxPrincipal.CONSOLE_SESSION)
                        .requestMatchers(pathPattern("/api/v1/load-balancers/**"), pathPattern("/api/v1/certificates/**"))
                                .hasAuthority(SignalboxPrincipal.WRITE_CONFIG)
                        .requestMatchers(pathPattern("/api/**")).authenticated()
                        .requestMatchers(pathPattern("/actuator/health/**")).permitAll()
                        .requestMatchers(pathPattern("/actuator/**")).denyAll()
                        .anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDeniedHandler))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(anonymous -> { });
        return http.build();
    }

    /**
     * CSRF only threatens requests a browser authenticates by itself, with the session cookie: unsafe
     * methods of a request that names a session and carries no bearer token.
     */
    private static boolean cookieAuthenticatedChange(HttpServletRequest request) {
        String method = request.getMethod();
        boolean safe = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || "TRACE".equals(method);
        return !safe && request.getRequestedSessionId() != null && !ApiTokenAuthenticationFilter.hasBearerToken(request);
    }
}
