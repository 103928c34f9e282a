package vn.nghean.review.gate;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.nghean.review.engine.WebappSessions;

/**
 * The webapps' sign-out of a provider's session: the session ends here, and the page is sent to the
 * provider's end-session endpoint (the webapps' script follows {@code signOutAt}), which ends the
 * person's session there and sends them back to the sign-in. The webapps' CSRF token is required, as
 * Camunda's own sign-out requires it.
 */
final class ProviderSignOut extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderSettings settings;
  private final ClientRegistrationRepository registrations;

  ProviderSignOut(ProviderSettings settings, ClientRegistrationRepository registrations) {
    this.settings = settings;
    this.registrations = registrations;
  }

  private final RequestMatcher logout = PathPatternRequestMatcher.withDefaults()
      .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (!logout.matches(request) || session == null || !(session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.ProviderSession known)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<String> token = WebappSessions.csrfToken(request);
    if (token.isEmpty() || !token.get().equals(request.getHeader(WebappSessions.CSRF_HEADER))) {
      GateResponses.forbidden(request, response, new org.springframework.security.web.csrf.InvalidCsrfTokenException(
          new org.springframework.security.web.csrf.DefaultCsrfToken(WebappSessions.CSRF_HEADER, "_csrf", ""), ""));
      return;
    }
    String signOutAt = endSessionUrl(request, known.idToken());
    session.invalidate();
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("signOutAt", signOutAt)));
  }

  private String endSessionUrl(HttpServletRequest request, String idToken) {
    String back = ServletUriComponentsBuilder.fromContextPath(request).path(ProviderSignIn.HOME).build().toUriString();
    ClientRegistration registration = registrations.findByRegistrationId(ProviderSettings.REGISTRATION);
    Object endpoint = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
    if (endpoint == null) {
      return back;
    }
    return UriComponentsBuilder.fromUriString(endpoint.toString()).queryParam("id_token_hint", idToken)
        .queryParam("post_logout_redirect_uri", back).queryParam("client_id", settings.clientId()).encode().build()
        .toUriString();
  }
}
