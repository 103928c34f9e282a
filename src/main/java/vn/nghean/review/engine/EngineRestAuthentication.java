package vn.nghean.review.engine;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The engine's REST API is open by default, even with authorizations on. The gate (Spring Security,
 * {@code gate.GateConfiguration}) has already signed the caller in and decided what they may call;
 * Camunda's own filter stays behind it as the second line and tells the engine who calls: the gate's
 * person, with the groups the gate read, and nobody else. A request the gate let through without a
 * person (none should reach {@code /engine-rest}) is answered 401 here too.
 */
@Configuration
class EngineRestAuthentication {

  /** After the gate, which stands before every other filter. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestCaller() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        GatePerson.class.getName());
    registration.setName("engineRestAuthentication");
    registration.setOrder(ORDER);
    return registration;
  }

  /** Camunda's authentication provider for {@code /engine-rest}: the person the gate signed in. */
  public static final class GatePerson implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      Authentication person = SecurityContextHolder.getContext().getAuthentication();
      if (person == null || !person.isAuthenticated() || person instanceof AnonymousAuthenticationToken) {
        return AuthenticationResult.unsuccessful();
      }
      AuthenticationResult result = AuthenticationResult.successful(person.getName());
      // The groups the gate has just read (or the webapp session holds): no second query.
      result.setGroups(person.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
      // The province uses no tenants: none to read for every request.
      result.setTenants(List.of());
      return result;
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"so-ket\", charset=\"UTF-8\"");
    }
  }
}
