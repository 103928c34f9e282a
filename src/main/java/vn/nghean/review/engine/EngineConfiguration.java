package vn.nghean.review.engine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.nghean.review.form.FormDeclarations;
import vn.nghean.review.form.FormSchemas;

/** The engine plugins of the application; the starter adds every plugin bean to the engine. */
@Configuration
class EngineConfiguration {

  @Bean
  FormDeclarations formDeclarations(FormSchemas schemas) {
    return FormDeclarations.load(schemas);
  }

  @Bean
  SubmissionGuardPlugin submissionGuardPlugin(FormDeclarations forms) {
    return new SubmissionGuardPlugin(forms);
  }
}
