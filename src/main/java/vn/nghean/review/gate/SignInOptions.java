package vn.nghean.review.gate;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How people sign in here, for the webapps' script ({@code so-ket-webapps.js}) and anyone before they
 * sign in: through the province's identity provider (its sign-in path), or with a password.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInOptions {

  static final String PATH = "/api/sign-in";

  private final ProviderSettings provider;

  SignInOptions(ProviderSettings provider) {
    this.provider = provider;
  }

  @GetMapping(PATH)
  Map<String, Object> options() {
    Map<String, Object> options = new HashMap<>();
    options.put("provider", provider.enabled() ? ProviderSettings.SIGN_IN_PATH : null);
    return options;
  }
}
