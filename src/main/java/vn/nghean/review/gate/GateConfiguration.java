package vn.nghean.review.gate;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nghean.review.identity.Groups;

/**
 * The one gate in front of every path (design section 9; docs/security.md): Spring Security's filter
 * chain, which runs before every other filter and servlet ({@code spring.security.filter.order}).
 * <ol>
 * <li>Its firewall ({@link PlainPaths}) answers 400 to any URI not in its plain form.
 * <li>It signs the caller in: HTTP Basic against the engine's users ({@link PasswordSignIn}), or the
 * webapps' session ({@link WebappSessionPerson}); both throttled ({@link SignInThrottle}).
 * <li>It decides, once, on the path the servlet serves, who may call what: anonymous only the sign-in
 * page, the webapps' static files and the health check; operations (every other actuator endpoint,
 * backups, the registry's editions, failed mails) administrators only; on the engine's API what
 * {@link EngineApiRules} allows a person; everything else any signed-in person.
 * </ol>
 * Camunda's own filters stay behind it as a second line: the webapps' authentication, CSRF and
 * authorization checks, and {@code engine.EngineRestAuthentication} for {@code /engine-rest}.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(ProviderSettings.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GateConfiguration {

  private static final java.util.Set<String> SAFE = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  private final PlainPaths firewall = new PlainPaths();

  @Bean
  WebSecurityCustomizer plainPathsOnly() {
    return web -> web.httpFirewall(firewall)
        .requestRejectedHandler((request, response, rejected) -> GateResponses.notPlain(response));
  }

  /**
   * The same firewall as the very first filter: Spring Security 6.5 parses the path for its matchers
   * ({@code ServletRequestPathFilter}) before its own firewall runs, and answers a URI such as
   * {@code /camunda;x/api/...} with a 500 there. Here it is refused 400 before anything reads it.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> plainPathsFirst() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        try {
          firewall.getFirewalledRequest(request);
        } catch (RequestRejectedException rejected) {
          GateResponses.notPlain(response);
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("plainPathsFirst");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  SecurityFilterChain gate(HttpSecurity http, SignInThrottle throttle,
      IdentityService identity, @Value("${camunda.bpm.process-engine-name:default}") String engineName,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long groupsTimeToLive,
      @Value("${review.sign-in.basic-for-programs:true}") boolean basicForPrograms,
      ObjectProvider<ProviderSignIn> provider) throws Exception {
    // PasswordSignIn, a bean, is Spring Boot's one authentication provider: named here again, it would
    // be asked twice for each wrong password (the chain's own manager, then its parent).
    if (basicForPrograms) {
      http.httpBasic(basic -> basic.realmName("so-ket").authenticationEntryPoint(GateResponses::unauthorized));
    }
    http
        .addFilterBefore(new WebappSignIn(throttle), BasicAuthenticationFilter.class)
        .addFilterAfter(new WebappSessionPerson(engineName, groupsTimeToLive), BasicAuthenticationFilter.class)
        .addFilterAfter(new ApiCaller(identity), AuthorizationFilter.class)
        // The gate keeps nothing in the session: the webapps own it; a program signs in each request.
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        // The webapps check their own CSRF token on /camunda; a webapp session writing to /api must send
        // it too. HTTP Basic callers carry no cookie a forged page could use.
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(sessionWritesToApi())
            .csrfTokenRepository(new WebappCsrfTokens())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        // An invitation link's page writes to /api anonymously, with the link's token and no session (account/).
        .csrf(csrf -> csrf.ignoringRequestMatchers(PATHS.matcher(HttpMethod.POST, "/api/invitations/*")))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(GateResponses::unauthorized)
            .accessDeniedHandler(GateResponses::forbidden))
        // Camunda's webapps set their own security headers (CSP, frame options); the gate adds nothing.
        .headers(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(requests -> requests
            // Forwards and error pages of a request the gate has judged already.
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC).permitAll()
            // A webapp's page for an app or engine that does not exist (Camunda answers it with a 500).
            .requestMatchers(unknownAppOrEngine(engineName)).denyAll()
            // Anonymous: the sign-in page, the webapps' static files, the health check.
            .requestMatchers(PATHS.matcher(HttpMethod.GET, "/"), PATHS.matcher(HttpMethod.GET, "/camunda"),
                PATHS.matcher(HttpMethod.GET, "/camunda/"), PATHS.matcher(HttpMethod.GET, "/camunda/app/**"),
                PATHS.matcher(HttpMethod.GET, "/camunda/assets/**"), PATHS.matcher(HttpMethod.GET, "/camunda/lib/**"), PATHS.matcher(HttpMethod.GET, "/camunda/favicon.ico"),
                PATHS.matcher(HttpMethod.GET, "/webjars/**"), PATHS.matcher(HttpMethod.GET, "/favicon.ico"),
                PATHS.matcher(HttpMethod.GET, "/camunda/api/engine/engine/"),
                PATHS.matcher(HttpMethod.GET, "/camunda/api/*/plugin/*/static/**"),
                PATHS.matcher(HttpMethod.GET, "/camunda/api/admin/auth/user/*"),
                WebappSignIn.LOGIN,
                PATHS.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"),
                PATHS.matcher(HttpMethod.GET, SignInOptions.PATH), PATHS.matcher(HttpMethod.GET, "/oauth2/authorization/*"),
                PATHS.matcher(HttpMethod.GET, "/login/oauth2/code/*"),
                PATHS.matcher(HttpMethod.GET, "/actuator/health"), PATHS.matcher(HttpMethod.GET, "/actuator/health/**"),
                PATHS.matcher("/error")).permitAll()
            // Anonymous too: an invitation link's page and what it calls; the person has no password yet (account/).
            .requestMatchers(PATHS.matcher(HttpMethod.GET, "/tai-khoan/**"),
                PATHS.matcher(HttpMethod.POST, "/api/invitations/check"),
                PATHS.matcher(HttpMethod.POST, "/api/invitations/password"),
                PATHS.matcher(HttpMethod.POST, "/api/invitations/renewal")).permitAll()
            // The webapps' first-administrator setup: the administrator comes from the configuration.
            .requestMatchers(PATHS.matcher("/camunda/api/admin/setup/**")).denyAll()
            // Operations: administrators only.
            .requestMatchers(PATHS.matcher("/actuator/**"), PATHS.matcher("/api/backups"),
                PATHS.matcher("/api/backups/**"), PATHS.matcher("/api/registry"), PATHS.matcher("/api/registry/**"),
                PATHS.matcher("/api/notifications/failed")).hasAuthority(Groups.ADMIN)
            // Operations too: the accounts made from the registry (account/).
            .requestMatchers(PATHS.matcher("/api/accounts"), PATHS.matcher("/api/accounts/**")).hasAuthority(Groups.ADMIN)
            // The engine's API: a person's work only.
            .requestMatchers(PATHS.matcher("/engine-rest"), PATHS.matcher("/engine-rest/**"),
                PATHS.matcher("/camunda/api/engine/**")).access(new EngineApiRules())
            .anyRequest().authenticated());
    // With the province's identity provider: its sign-in, its programs' tokens, its sessions' checks.
    ProviderSignIn withProvider = provider.getIfAvailable();
    if (withProvider != null) {
      withProvider.applyTo(http);
    }
    return http.build();
  }

  /** {@code /camunda/app/<app>/<engine>/}, the webapps' page, for an app or an engine other than ours. */
  private static RequestMatcher unknownAppOrEngine(String engineName) {
    java.util.regex.Pattern page = java.util.regex.Pattern.compile("^/camunda/app/([^/]+)/([^/]+)/$");
    java.util.Set<String> apps = java.util.Set.of("tasklist", "cockpit", "admin", "welcome");
    return request -> {
      java.util.regex.Matcher matcher = page.matcher(ServedPath.of(request));
      return matcher.matches() && (!apps.contains(matcher.group(1)) || !matcher.group(2).equals(engineName));
    };
  }

  /** A write to {@code /api} from a webapp session (no HTTP Basic): it must carry the webapps' CSRF token. */
  private static RequestMatcher sessionWritesToApi() {
    RequestMatcher api = PATHS.matcher("/api/**");
    return request -> api.matches(request) && !SAFE.contains(request.getMethod())
        && request.getHeader("Authorization") == null && request.getSession(false) != null;
  }
}
