package vn.nghean.review.gate;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.nghean.review.engine.WebappSessions;

/**
 * A person signed in to Tasklist, Cockpit or Admin is a person at the gate too: the webapps keep
 * them in their session, and this hands them to Spring Security for the request (nothing is stored
 * in the session by the gate). Their groups are re-read as often as the webapps re-read theirs, so
 * that a person taken out of a unit loses it without signing out.
 */
final class WebappSessionPerson extends OncePerRequestFilter {

  private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
  private final String engineName;
  private final long groupsTimeToLive;

  WebappSessionPerson(String engineName, long groupsTimeToLive) {
    this.engineName = engineName;
    this.groupsTimeToLive = groupsTimeToLive;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (contexts.getContext().getAuthentication() == null) {
      WebappSessions.user(request, engineName, groupsTimeToLive).ifPresent(user -> {
        var context = contexts.createEmptyContext();
        context.setAuthentication(People.signedIn(user.id(), user.groupIds()));
        contexts.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }
}
