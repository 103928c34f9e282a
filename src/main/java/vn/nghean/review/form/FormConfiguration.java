package vn.nghean.review.form;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FormConfiguration {

  @Bean
  FormSchemas formSchemas() {
    return FormSchemas.load();
  }

  @Bean
  FormDeclarations formDeclarations(FormSchemas schemas) {
    return FormDeclarations.load(schemas);
  }
}
