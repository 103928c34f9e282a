package vn.nghean.review.system;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile without an administrator password, before anything
 * (the engine's administrator above all) is created with an empty one.
 */
public class ProductionSettings implements EnvironmentPostProcessor {

  static final String PROFILE = "prod";
  static final String PASSWORD = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      String password = environment.getProperty(PASSWORD);
      if (password == null || password.isBlank()) {
        throw new IllegalStateException("The prod profile needs an administrator password: set REVIEW_ADMIN_PASSWORD "
            + "(and REVIEW_ADMIN_USER, default 'admin'). Nothing was started.");
      }
    }
  }
}
