package vn.nghean.review.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nothing of the API is open: {@code /engine-rest} ({@code engine.EngineRestAuthentication}) and
 * {@code /api} both require a user, and on the engine's API a person who is not an administrator may
 * only do a person's work ({@link EngineApiGuard}).
 */
@Configuration
class SecurityConfiguration {

  private final String engineName;
  /** How long a webapp session's groups are trusted: as long as the webapps trust theirs. */
  private final long groupsTimeToLive;

  SecurityConfiguration(@Value("${camunda.bpm.process-engine-name:default}") String engineName,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long groupsTimeToLive) {
    this.engineName = engineName;
    this.groupsTimeToLive = groupsTimeToLive;
  }

  /** After the engine's authentication, which tells it who calls. */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identityService) {
    FilterRegistrationBean<EngineApiGuard> registration =
        new FilterRegistrationBean<>(new EngineApiGuard(identityService, engineName, groupsTimeToLive));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("engineApiGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new ApiAuthenticationFilter(identityService, engineName, groupsTimeToLive));
    registration.addUrlPatterns("/api/*", "/actuator/prometheus");
    registration.setName("apiAuthentication");
    return registration;
  }
}
