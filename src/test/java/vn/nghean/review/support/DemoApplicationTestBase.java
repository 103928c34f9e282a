package vn.nghean.review.support;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application as the README starts it, on a database of its own: demo data on, the real Nghệ
 * An registry with its periods (the 21 district-level units until 30/06/2025, the 130 communes from
 * 01/07/2025). One Spring context for every test class that extends this one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "review.demo.enabled=true", "review.units.location=classpath:units/nghe-an.csv",
    "spring.datasource.url=jdbc:h2:mem:demo-test;DB_CLOSE_DELAY=-1", "camunda.bpm.process-engine-name=" + DemoApplicationTestBase.ENGINE})
public abstract class DemoApplicationTestBase extends ApplicationTestBase {

  /** The demo's administrator and province users, as the README lists them. */
  protected static final String ADMIN = "demo";
  protected static final String PV01 = "pv01officer";
  /** The seed's campaign, with the district-level units of 2023–2024. */
  protected static final String DEMO_CAMPAIGN = "SK-2023-2024";

  /** The engine of this context: the JVM may also hold the shared context's, named default. */
  protected static final String ENGINE = "demoTest";

  /** The engine of this context has a name of its own: the JVM also holds the shared context's. */
  @Override
  protected String engineRest() {
    return "/engine-rest/engine/" + ENGINE;
  }
}
