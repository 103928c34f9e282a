package vn.nghean.review.gate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;

import vn.nghean.review.engine.WebappSessions;

/**
 * The CSRF token a webapp session must send on writes to {@code /api}: the one the webapps gave the
 * session and send with every request of theirs ({@code X-XSRF-TOKEN}). The webapps issue it; the
 * gate only compares.
 */
final class WebappCsrfTokens implements CsrfTokenRepository {

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    // A session without a token of the webapps gets one nobody knows: its writes are refused.
    return new DefaultCsrfToken(WebappSessions.CSRF_HEADER, "_csrf", java.util.UUID.randomUUID().toString());
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    // The webapps keep their token themselves.
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return WebappSessions.csrfToken(request).map(token -> new DefaultCsrfToken(WebappSessions.CSRF_HEADER, "_csrf", token))
        .orElse(null);
  }
}
