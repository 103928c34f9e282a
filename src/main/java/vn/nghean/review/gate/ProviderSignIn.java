package vn.nghean.review.gate;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.WebappSessions;

/**
 * Sign-in with the province's identity provider (OpenID Connect), when the operator names one
 * ({@link ProviderSettings}): README, "Sign-in with the province's identity provider".
 * <ul>
 * <li>People: a webapp page opened without a session goes to the provider (authorization code with
 * PKCE, Spring Security's OAuth2 client); back from it, the person is written into the engine's tables
 * ({@link ProviderPeople}) and signed in to the webapps' session, which the gate reads as for a
 * password sign-in. Every {@code groupsCache} the session's refresh token asks the provider again: a
 * person taken out of a group loses it then, a person the provider no longer knows loses the session.
 * Signing out of the webapps signs out at the provider too.
 * <li>Programs: {@code Authorization: Bearer} with the provider's token (Spring Security's resource
 * server): signature, issuer, expiry and, if set, audience checked; the groups claim required.
 * </ul>
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression("!'${review.oidc.issuer:}'.isBlank()")
class ProviderSignIn {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderSignIn.class);
  /** The session's record of the provider's sign-in: its ID token (for signing out) and the last check. */
  static final String SESSION = ProviderSignIn.class.getName() + ".SESSION";
  /** The webapp page a person opened before going to the provider, where they come back to. */
  static final String TARGET = ProviderSignIn.class.getName() + ".TARGET";
  static final String HOME = "/camunda/app/tasklist/default/";

  record ProviderSession(String idToken, Instant checkedAt) implements java.io.Serializable {}

  private final ProviderSettings settings;
  final ProviderPeople people;
  private final ProcessEngine engine;
  private final String engineName;
  private final ClientRegistrationRepository registrations;
  final JwtDecoder bearerTokens;
  final JwtDecoder idTokens;
  final HttpSessionOAuth2AuthorizedClientRepository clients = new HttpSessionOAuth2AuthorizedClientRepository();
  final Clock clock = Clock.systemUTC();

  ProviderSignIn(ProviderSettings settings, IdentityService identity, ProcessEngine engine,
      @Value("${camunda.bpm.process-engine-name:default}") String engineName) {
    this.settings = settings;
    this.people = new ProviderPeople(identity, settings);
    this.engine = engine;
    this.engineName = engineName;
    this.registrations = new DiscoveredRegistration(settings);
    this.bearerTokens = decoder(settings.audience());
    this.idTokens = decoder(settings.clientId());
  }

  /** Adds the provider's sign-in, its programs' tokens, the sessions' checks and the sign-out to the gate. */
  void applyTo(HttpSecurity http) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
        "/oauth2/authorization");
    // PKCE, and the provider's pages in Vietnamese whatever the browser's language (OpenID's ui_locales).
    withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
        .andThen(request -> request.additionalParameters(parameters -> parameters.put("ui_locales", "vi"))));
    http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
            .authorizedClientRepository(clients)
            .loginPage(ProviderSettings.SIGN_IN_PATH)
            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcUserService()))
            .successHandler(this::signedIn)
            .failureHandler(this::notSignedIn))
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(bearerTokens).jwtAuthenticationConverter(program()))
            .authenticationEntryPoint(GateResponses::unauthorized))
        .addFilterBefore(new ProviderSignOut(settings, registrations), BasicAuthenticationFilter.class)
        .addFilterBefore(new ProviderSessionCheck(this, settings), BasicAuthenticationFilter.class)
        .addFilterAfter(new ProviderPageEntry(), WebappSessionPerson.class);
  }

  /** Back from the provider: the person written in step, signed in to the webapps, sent where they were going. */
  private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    OidcUser user = (OidcUser) authentication.getPrincipal();
    ProviderPeople.Person person;
    try {
      person = people.person(user.getClaims());
    } catch (ProviderPeople.Unnamed unnamed) {
      person = null;
    }
    if (person == null || !person.groupsListed()) {
      // Keycloak lists no groups claim for a person in no group: whatever they had here, they have no more.
      if (person != null) {
        people.keepInStep(person);
      }
      LOG.warn("Sign-in through the identity provider refused: {} is in no group",
          person == null ? "the token names nobody: it" : person.id());
      request.getSession().invalidate();
      GateResponses.page(response, HttpServletResponse.SC_FORBIDDEN, "Tài khoản chưa được phân nhóm",
          "Máy chủ xác thực của tỉnh không cho biết tài khoản này thuộc nhóm nào (đơn vị, PV01, lãnh đạo...). "
              + "Đề nghị liên hệ quản trị hệ thống để được phân nhóm.");
      return;
    }
    people.keepInStep(person);
    // A new session id for the signed-in person (the one before sign-in may be known to someone else).
    request.changeSessionId();
    HttpSession session = request.getSession();
    signInToWebapps(session, person);
    session.setAttribute(SESSION, new ProviderSession(user.getIdToken().getTokenValue(), clock.instant()));
    Object target = session.getAttribute(TARGET);
    session.removeAttribute(TARGET);
    LOG.info("{} signed in through the identity provider with groups {}", person.id(), person.groupIds());
    response.sendRedirect(request.getContextPath() + (target instanceof String path ? path : HOME));
  }

  private void notSignedIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    LOG.warn("Sign-in through the identity provider failed: {}", failure.getMessage());
    GateResponses.page(response, HttpServletResponse.SC_UNAUTHORIZED, "Đăng nhập không thành công",
        "Máy chủ xác thực của tỉnh không xác nhận được việc đăng nhập. Đề nghị đăng nhập lại.");
  }

  /** The person into the webapps' session (Tasklist, Cockpit, Admin), with the groups the provider gave. */
  void signInToWebapps(HttpSession session, ProviderPeople.Person person) {
    WebappSessions.signIn(session, engine, person.id(), person.groupIds());
  }


  /** A program's bearer token: the person it names, written in step, with the provider's groups. */
  private Converter<Jwt, AbstractAuthenticationToken> program() {
    return token -> {
      ProviderPeople.Person person;
      try {
        person = people.withListedGroups(token.getClaims());
      } catch (ProviderPeople.Unnamed unnamed) {
        throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", unnamed.getMessage(), null));
      }
      people.keepInStep(person);
      return (AbstractAuthenticationToken) People.signedIn(person.id(), person.groupIds());
    };
  }

  /** Signature (the provider's published keys), issuer, expiry, and the audience when one is named. */
  private JwtDecoder decoder(String audience) {
    String issuer = settings.issuer();
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
      OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(issuer);
      if (audience != null && !audience.isBlank()) {
        validator = new DelegatingOAuth2TokenValidator<>(validator, token -> token.getAudience() != null
            && token.getAudience().contains(audience) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not for " + audience, null)));
      }
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }
}
