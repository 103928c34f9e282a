package vn.nghean.review.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** The engine plugins of the application; the starter adds every plugin bean to the engine. */
@Configuration
class EngineConfiguration {

  @Bean
  SubmissionGuardPlugin submissionGuardPlugin(DeclaredForms forms) {
    return new SubmissionGuardPlugin(forms);
  }
}
