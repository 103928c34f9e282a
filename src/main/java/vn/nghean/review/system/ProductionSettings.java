package vn.nghean.review.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import vn.nghean.review.engine.PasswordPolicies;

/**
 * Refuses to start the production profile without what an operator must set, before anything (the
 * engine's administrator above all) is created: an administrator password the engine's password
 * policy accepts (the profile turns the policy on) and a database password. Says what is missing.
 */
class ProductionSettings implements EnvironmentPostProcessor {

  static final String PROFILE = "prod";
  static final String ADMIN = "camunda.bpm.admin-user.id";
  static final String PASSWORD = "camunda.bpm.admin-user.password";
  static final String DATABASE_PASSWORD = "spring.datasource.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      return;
    }
    List<String> missing = new ArrayList<>();
    String password = environment.getProperty(PASSWORD);
    if (password == null || password.isBlank()) {
      missing.add("set REVIEW_ADMIN_PASSWORD (and REVIEW_ADMIN_USER, default 'admin')");
    } else {
      List<String> broken = PasswordPolicies.broken(environment.getProperty(ADMIN, "admin"), password);
      if (!broken.isEmpty()) {
        missing.add("REVIEW_ADMIN_PASSWORD breaks the password policy: " + String.join(", ", broken)
            + " (at least 10 characters with a lower-case and an upper-case letter, a digit and a special"
            + " character, and not the user's id)");
      }
    }
    String databasePassword = environment.getProperty(DATABASE_PASSWORD);
    if (databasePassword == null || databasePassword.isBlank()) {
      missing.add("set DB_PASSWORD, the database user's password");
    }
    String issuer = environment.getProperty("review.oidc.issuer");
    String secret = environment.getProperty("review.oidc.client-secret");
    if (issuer != null && !issuer.isBlank() && (secret == null || secret.isBlank())) {
      missing.add("set REVIEW_OIDC_CLIENT_SECRET, the application's secret at the identity provider REVIEW_OIDC_ISSUER");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The prod profile cannot start: " + String.join("; ", missing)
          + ". Nothing was started.");
    }
  }
}
