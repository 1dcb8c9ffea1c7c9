package dev.tubebatch.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Three filter chains: {@code /api/**} answers 401 to anyone not authenticated (an API token, HTTP basic or the
 * browser's session) and 403 to a role that may not make the request; {@code /actuator/**} is for admins but the
 * liveness probe; everything else is the Vaadin app behind its login view. Nothing is reachable anonymously except
 * the login view and the static resources it needs. Every password sign-in (form or basic) goes through the
 * {@link LoginThrottle}.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** The login view's route; the ui package's LoginView is mounted there. */
    static final String LOGIN_ROUTE = "/login";

    /**
     * File downloads (the export package's controller): any signed-in user of the app, through its session. Vaadin's
     * configurer refuses (403) every request it does not know, so they are allowed here by name.
     */
    static final String DOWNLOADS = "/downloads/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, ThrottledAuthentication passwords,
            SessionCheck sessions, ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterAfter(sessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/tokens", "/api/tokens/**", "/api/users", "/api/users/**",
                                "/api/webhooks", "/api/webhooks/**", "/api/mail", "/api/mail/**")
                        .hasRole(Roles.ADMIN)
                        // YouTube's settings for the cluster (lifting the breaker, cookies, proxies): admins only.
                        .requestMatchers(HttpMethod.GET, "/api/youtube/status").hasRole(Roles.VIEWER)
                        .requestMatchers("/api/youtube/**").hasRole(Roles.ADMIN)
                        // Deleting a video's stored transcript, summary and files.
                        .requestMatchers(HttpMethod.DELETE, "/api/library/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                        // Creating, previewing and controlling batches is an operator's work.
                        .anyRequest().hasRole(Roles.OPERATOR))
                .authenticationManager(new ProviderManager(passwords))
                .addFilterBefore(new ApiTokenFilter(tokens, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE))
                // Tools and scripts get a status and a problem document, never a redirect to a login page for people.
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                "Your role does not allow this request.")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiCredentials::cannotBeForged))
                // A browser's session may call the API; a call with its own credentials never starts a session.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /**
     * Health and metrics for operations: all of it needs an admin (HTTP basic, an API token or the session), but
     * the liveness probe, which tells nothing but "the process answers".
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain operationsChain(HttpSecurity http, ApiTokens tokens, ThrottledAuthentication passwords,
            SessionCheck sessions, ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        return http.securityMatcher("/actuator/**")
                .addFilterAfter(sessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness").permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .authenticationManager(new ProviderManager(passwords))
                .addFilterBefore(new ApiTokenFilter(tokens, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE))
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Operations data is for admins.")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiCredentials::cannotBeForged))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .build();
    }

    /**
     * 401 with a problem document and the schemes the API accepts; 429 with {@code Retry-After} when sign-ins are
     * refused for a while after too many failed ones.
     */
    enum ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {
        INSTANCE;

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.AuthenticationException authException) throws java.io.IOException {
            if (authException instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                ProblemResponses.write(response, 429, "Too many failed sign-ins",
                        "Sign-ins for this user or from this address are refused for "
                                + throttled.retryAfterSeconds() + " seconds after too many failed ones.");
                return;
            }
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in: send an API token as 'Authorization: Bearer tb_...', or use HTTP basic.");
        }
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain appChain(HttpSecurity http, ThrottledAuthentication passwords, SessionCheck sessions)
            throws Exception {
        http.addFilterAfter(sessions, SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(DOWNLOADS).authenticated())
                .authenticationManager(new ProviderManager(passwords))
                // The login page is named here as well as by Vaadin below: configured without one, form login would
                // serve Spring Security's generated page at /login instead of the login view.
                .formLogin(form -> form.loginPage(LOGIN_ROUTE)
                        .failureHandler(new LoginFailureHandler(LOGIN_ROUTE)));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE)).build();
    }

    /** In the security chains only: registered as a servlet filter of its own it would run outside them, too. */
    @Bean
    FilterRegistrationBean<SessionCheck> sessionCheckOutsideChains(SessionCheck sessions) {
        FilterRegistrationBean<SessionCheck> registration = new FilterRegistrationBean<>(sessions);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SessionCheck sessionCheck(UserDirectory users, SecurityProperties properties, Clock clock,
            ObjectProvider<SecurityContextHolderStrategy> contexts) {
        return new SessionCheck(users, properties.sessionCheck(),
                contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDirectory users(SecurityProperties properties, JdbcClient jdbc, PasswordEncoder encoder,
            Environment environment) {
        DevelopmentPasswords.refuseOutsideDevelopment(properties, encoder, environment);
        return new UserDirectory(properties, jdbc);
    }

    @Bean
    ThrottledAuthentication passwordAuthentication(UserDirectory users, PasswordEncoder encoder, JdbcClient jdbc,
            SecurityProperties properties, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthentication(passwords, new LoginThrottle(jdbc, properties.logins(), clock));
    }
}
