package dev.tubebatch.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: {@code /api/**} answers 401 to anyone not authenticated (an API token, HTTP basic or the
 * browser's session) and 403 to a role that may not make the request, and everything else is the Vaadin app behind its login view. Nothing is reachable anonymously except
 * the login view and the static resources it needs.
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
    SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/tokens", "/api/tokens/**").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Roles.VIEWER)
                        // Creating, previewing and controlling batches is an operator's work.
                        .anyRequest().hasRole(Roles.OPERATOR))
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE))
                // Tools and scripts get a status and a problem document, never a redirect to a login page for people.
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                                "Your role does not allow this request.")))
                // A browser's session may call the API too; its changes need the CSRF token. Requests that carry
                // their credentials (a bearer token or HTTP basic) or have no session cannot be forged cross-site.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .build();
    }

    /**
     * Health and metrics for operations: all of it needs an admin (HTTP basic, an API token or the session), but
     * the liveness probe, which tells nothing but "the process answers".
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain operationsChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        return http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/liveness").permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .addFilterBefore(new ApiTokenFilter(tokens), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE))
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthenticationEntryPoint.INSTANCE)
                        .accessDeniedHandler((request, response, denied) -> ProblemResponses.write(response,
                                HttpServletResponse.SC_FORBIDDEN, "Forbidden", "Operations data is for admins.")))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || request.getSession(false) == null))
                .build();
    }

    /** 401 with a problem document and the schemes the API accepts. */
    enum ApiAuthenticationEntryPoint implements AuthenticationEntryPoint {
        INSTANCE;

        @Override
        public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.AuthenticationException authException) throws java.io.IOException {
            ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
                    "Sign in: send an API token as 'Authorization: Bearer tb_...', or use HTTP basic.");
        }
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain appChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(DOWNLOADS).authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LOGIN_ROUTE)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        if (properties.users().isEmpty()) {
            throw new IllegalStateException("No users are configured: set tubebatch.security.users[0].username, "
                    + ".password (a {bcrypt} hash) and .roles");
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
        for (SecurityProperties.User user : properties.users()) {
            manager.createUser(User.withUsername(user.username()).password(user.password())
                    .roles(user.roles().toArray(String[]::new)).build());
        }
        return manager;
    }
}
