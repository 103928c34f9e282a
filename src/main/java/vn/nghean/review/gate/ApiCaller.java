package vn.nghean.review.gate;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nghean.review.identity.CurrentUser;

/**
 * On the application's own API ({@code /api}), the person the gate let in is also the engine's
 * authenticated user for the request, so that what the API asks the engine is filtered as Tasklist's
 * queries are.
 */
final class ApiCaller extends OncePerRequestFilter {

  private final IdentityService identity;

  ApiCaller(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ServedPath.of(request).startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var person = SecurityContextHolder.getContext().getAuthentication();
    if (person == null || !(person.getPrincipal() instanceof CurrentUser user)) {
      chain.doFilter(request, response);
      return;
    }
    identity.setAuthentication(user.id(), user.groupIds());
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }
}
