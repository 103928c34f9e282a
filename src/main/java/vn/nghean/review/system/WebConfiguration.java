package vn.nghean.review.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/** What every request to the APIs passes first. */
@Configuration
class WebConfiguration {

  /** Before anything reads a body: the authentication of the engine's API reads none, the rest may. */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${review.http.max-body}") DataSize maxBody,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(maxBody.toBytes(), maxUpload.toBytes()));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*");
    registration.setName("requestSizeLimit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
