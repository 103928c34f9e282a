package vn.nghean.review.engine;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine reads a timer's cycle or duration without searching the class path each time.
 *
 * <p>Why: Camunda parses every ISO 8601 cycle and duration with a new {@code DurationHelper}, which
 * asks {@link DatatypeFactory#newInstance()} for a factory; unless the JAXP property names one, that
 * call looks for {@code META-INF/services/javax.xml.datatype.DatatypeFactory} in every jar of the class
 * path (262 of them) and then takes the JDK's own, which no jar replaces. Each unit arms an escalation
 * cycle when it opens and re-arms it each time it fires, so a flight recording of a 500-unit start put
 * 7.7 % of the job executor's time in that search (docs/performance.md).
 *
 * <p>The property is set to the JDK's factory, the one the search ends with, before the engine is
 * built; a value the operator set (a {@code -D} on the command line) is kept.
 */
@Component
public class TimerCyclesPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TimerCyclesPlugin.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    useJdkDatatypeFactory();
  }

  /** Names the JDK's {@link DatatypeFactory} unless a factory is named already; true when it set it. */
  static boolean useJdkDatatypeFactory() {
    String named = System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    if (named != null) {
      LOG.info("Timer cycles use the DatatypeFactory {} named by {}", named, DatatypeFactory.DATATYPEFACTORY_PROPERTY);
      return false;
    }
    System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    return true;
  }
}
