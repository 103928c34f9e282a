package vn.nghean.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.Test;

import vn.nghean.review.support.ClassPathSearches;
import vn.nghean.review.support.ProcessTestBase;

/**
 * A timer's cycle is read without a search of the class path (TimerCyclesPlugin): the engine of the
 * application parses a unit's escalation cycle asking the class path nothing; without the plugin's
 * property the same parse searches it.
 */
class TimerCyclesTest extends ProcessTestBase {

  static final String SERVICE = "META-INF/services/" + DatatypeFactory.class.getName();

  @Override
  protected Instant start() {
    return Instant.parse("2024-06-01T01:00:00Z");
  }

  @Test
  void shouldReadACycleWithoutSearchingTheClassPath() throws Exception {
    assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
        .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    assertThat(searchesWhileParsing("R/2024-06-08T00:00:00Z/P3D")).isZero();
  }

  @Test
  void shouldSearchTheClassPathForEveryCycleWithoutIt() throws Exception {
    String named = System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    try {
      assertThat(searchesWhileParsing("R/2024-06-08T00:00:00Z/P3D")).isEqualTo(1);
      assertThat(searchesWhileParsing("P3D")).isEqualTo(1);
      assertThat(TimerCyclesPlugin.useJdkDatatypeFactory()).isTrue();
      assertThat(searchesWhileParsing("P3D")).isZero();
    } finally {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, named);
    }
  }

  @Test
  void shouldKeepAFactoryTheOperatorNamed() {
    String named = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "org.example.OperatorsFactory");
    try {
      assertThat(TimerCyclesPlugin.useJdkDatatypeFactory()).isFalse();
      assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)).isEqualTo("org.example.OperatorsFactory");
    } finally {
      System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, named);
    }
  }

  /** How often parsing the expression as the engine does asks the class path for a DatatypeFactory. */
  private static int searchesWhileParsing(String expression) throws Exception {
    return ClassPathSearches.count(SERVICE::equals, () -> new DurationHelper(expression, new Date()));
  }
}
