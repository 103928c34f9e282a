package vn.nghean.review.gate;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webapp page (Tasklist, Cockpit, Admin, welcome) opened without a person: to the provider's sign-in,
 * and back to the page afterwards. The webapps' own password page is not shown.
 */
final class ProviderPageEntry extends OncePerRequestFilter {
  private final java.util.regex.Pattern page = java.util.regex.Pattern.compile("^/camunda/app/[a-z]+/[^/]+/$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = ServedPath.of(request);
    if (HttpMethod.GET.matches(request.getMethod()) && page.matcher(path).matches() && !signedIn()) {
      request.getSession().setAttribute(ProviderSignIn.TARGET, path);
      response.sendRedirect(request.getContextPath() + ProviderSettings.SIGN_IN_PATH);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean signedIn() {
    Authentication person = org.springframework.security.core.context.SecurityContextHolder.getContext()
        .getAuthentication();
    return person != null && person.getPrincipal() instanceof vn.nghean.review.identity.CurrentUser;
  }
}
