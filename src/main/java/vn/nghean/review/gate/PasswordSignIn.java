package vn.nghean.review.gate;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic, for programs on {@code /engine-rest}, {@code /api} and {@code /actuator}: the password is
 * the engine's, checked after the throttle lets the attempt through, and the outcome told back to it.
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

  private final IdentityService identity;
  private final SignInThrottle throttle;

  PasswordSignIn(IdentityService identity, SignInThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String userId = attempt.getName();
    String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
    throttle.check(userId, address);
    Object password = attempt.getCredentials();
    if (userId == null || userId.isEmpty() || password == null || !identity.checkPassword(userId, password.toString())) {
      throttle.failed(userId, address);
      throw new BadCredentialsException("Wrong user name or password");
    }
    throttle.succeeded(userId, address);
    return People.signedIn(userId, People.groupsOf(identity, userId));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
