package vn.nghean.review.gate;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2RefreshTokenGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * A webapp session from the provider asks the provider again once its groups are older than
 * {@code groupsCache}: with the session's refresh token, for a new ID token whose groups replace the
 * session's (and the engine's). A refusal (the person disabled, signed out elsewhere, the session
 * ended at the provider) ends the session here too.
 */
final class ProviderSessionCheck extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderSessionCheck.class);
  /** A refresh the provider did not answer (not one it refused) is tried again after this long. */
  private static final Duration RETRY = Duration.ofSeconds(30);

  private final ProviderSignIn provider;
  private final ProviderSettings settings;
  private final RestClientRefreshTokenTokenResponseClient refresher = new RestClientRefreshTokenTokenResponseClient();

  ProviderSessionCheck(ProviderSignIn provider, ProviderSettings settings) {
    this.provider = provider;
    this.settings = settings;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.ProviderSession known
        && known.checkedAt().plus(settings.groupsCache()).isBefore(provider.clock.instant())) {
      synchronized (WebUtils.getSessionMutex(session)) {
        check(request, response, session);
      }
    }
    chain.doFilter(request, response);
  }

  private void check(HttpServletRequest request, HttpServletResponse response, HttpSession session) {
    if (!(session.getAttribute(ProviderSignIn.SESSION) instanceof ProviderSignIn.ProviderSession known)
        || !known.checkedAt().plus(settings.groupsCache()).isBefore(provider.clock.instant())) {
      return;
    }
    OAuth2AuthorizedClient client = provider.clients.loadAuthorizedClient(ProviderSettings.REGISTRATION, null, request);
    if (client == null || client.getRefreshToken() == null) {
      endSession(session, "no refresh token");
      return;
    }
    OAuth2AccessTokenResponse answer;
    try {
      answer = refresher.getTokenResponse(new OAuth2RefreshTokenGrantRequest(client.getClientRegistration(),
          client.getAccessToken(), client.getRefreshToken()));
    } catch (OAuth2AuthorizationException refused) {
      endSession(session, refused.getError().getErrorCode());
      return;
    } catch (RuntimeException unreachable) {
      LOG.warn("The identity provider did not answer a session's refresh; tried again in {}: {}", RETRY,
          unreachable.getMessage());
      session.setAttribute(ProviderSignIn.SESSION, new ProviderSignIn.ProviderSession(known.idToken(),
          provider.clock.instant().minus(settings.groupsCache()).plus(RETRY)));
      return;
    }
    Object idToken = answer.getAdditionalParameters().get("id_token");
    ProviderPeople.Person person;
    try {
      Jwt token = idToken instanceof String value ? provider.idTokens.decode(value)
          : provider.bearerTokens.decode(answer.getAccessToken().getTokenValue());
      person = provider.people.person(token.getClaims());
    } catch (JwtException | ProviderPeople.Unnamed refused) {
      endSession(session, refused.getMessage());
      return;
    }
    provider.people.keepInStep(person);
    if (!person.groupsListed()) {
      endSession(session, person.id() + " is in no group");
      return;
    }
    provider.signInToWebapps(session, person);
    provider.clients.saveAuthorizedClient(new OAuth2AuthorizedClient(client.getClientRegistration(), client.getPrincipalName(),
        answer.getAccessToken(), answer.getRefreshToken() != null ? answer.getRefreshToken() : client.getRefreshToken()),
        null, request, response);
    session.setAttribute(ProviderSignIn.SESSION, new ProviderSignIn.ProviderSession(idToken instanceof String value ? value : known.idToken(),
        provider.clock.instant()));
  }

  private void endSession(HttpSession session, String reason) {
    LOG.info("A webapp session from the identity provider ended at its refresh: {}", reason);
    session.invalidate();
  }
}
