package vn.nghean.review.gate;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The provider's registration, read from its discovery document the first time it is needed (not at
 * start: the application starts while the provider is down, and tries again at the next sign-in).
 */
final class DiscoveredRegistration implements ClientRegistrationRepository {
  private final ProviderSettings settings;
  private volatile ClientRegistration registration;

  DiscoveredRegistration(ProviderSettings settings) {
    this.settings = settings;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    if (!ProviderSettings.REGISTRATION.equals(registrationId)) {
      return null;
    }
    ClientRegistration known = registration;
    if (known == null) {
      synchronized (this) {
        if (registration == null) {
          registration = ClientRegistrations.fromIssuerLocation(settings.issuer())
              .registrationId(ProviderSettings.REGISTRATION).clientId(settings.clientId())
              .clientSecret(settings.clientSecret()).scope("openid", "profile", "email")
              .userNameAttributeName(settings.userClaim()).build();
        }
        known = registration;
      }
    }
    return known;
  }
}
