package vn.nghean.review.engine.guard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** The submission guard's engine plugin; the starter adds every plugin bean to the engine. */
@Configuration
class GuardConfiguration {

  @Bean
  SubmissionGuardPlugin submissionGuardPlugin(DeclaredForms forms) {
    return new SubmissionGuardPlugin(forms);
  }
}
