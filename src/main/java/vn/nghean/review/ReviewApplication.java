package vn.nghean.review;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

import vn.nghean.review.shared.VietnamTime;

/** The two-year review of model units, as a Camunda 7 process application. */
@SpringBootApplication
@EnableScheduling
public class ReviewApplication {

  public static void main(String[] args) {
    // Every deadline in the plan is a Vietnamese date, whatever zone the server is set to.
    TimeZone.setDefault(TimeZone.getTimeZone(VietnamTime.ZONE));
    SpringApplication.run(ReviewApplication.class, args);
  }
}
