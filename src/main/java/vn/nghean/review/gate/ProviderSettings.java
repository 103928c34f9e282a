package vn.nghean.review.gate;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The province's identity provider (OpenID Connect), as the operator names it (README, "Sign-in with
 * the province's identity provider"). Without an issuer, people sign in with the engine's passwords.
 *
 * @param issuer the provider's issuer URL (its {@code /.well-known/openid-configuration} is read the first
 *     time someone signs in, so that the application starts while the provider is down)
 * @param clientId this application's client at the provider
 * @param clientSecret its secret (a confidential client; the sign-in uses PKCE as well)
 * @param userClaim the claim whose value is the person's account id in the engine
 * @param groupsClaim the claim listing the person's groups; a token without it is refused
 * @param groupMap the provider's group names to the application's group ids ({@code pv01}, {@code unitVINH}...);
 *     a name not listed here is taken as it is (after its path, {@code /a/b} → {@code b}) when the
 *     application has such a group, and ignored otherwise
 * @param groupsCache how long a webapp session keeps the groups it has before asking the provider again
 *     (with the session's refresh token); a person taken out of a group loses it within this time
 * @param audience when set, a bearer token must name it in {@code aud}: tokens the provider gave other
 *     applications are refused
 */
@ConfigurationProperties("review.oidc")
record ProviderSettings(String issuer, String clientId, String clientSecret,
    @DefaultValue("preferred_username") String userClaim, @DefaultValue("groups") String groupsClaim,
    Map<String, String> groupMap, @DefaultValue("PT5M") Duration groupsCache, String audience) {

  /** The registration's id in Spring Security's paths: /oauth2/authorization/tinh, /login/oauth2/code/tinh. */
  static final String REGISTRATION = "tinh";
  static final String SIGN_IN_PATH = "/oauth2/authorization/" + REGISTRATION;

  ProviderSettings {
    groupMap = groupMap == null ? Map.of() : Map.copyOf(groupMap);
  }

  boolean enabled() {
    return issuer != null && !issuer.isBlank();
  }
}
