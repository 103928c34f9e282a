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

  /**
   * Right after the gate (which reads no body but the webapps' sign-in form, 8 KB at most), before
   * anything else reads one.
   */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(@Value("${review.http.max-body}") DataSize maxBody,
      @Value("${spring.servlet.multipart.max-request-size}") DataSize maxUpload) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(maxBody.toBytes(), maxUpload.toBytes()));
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*", "/actuator/*");
    registration.setName("requestSizeLimit");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }
}
