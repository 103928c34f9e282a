package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A start listener that can also say, before the process starts, what is wrong with the values a
 * user starts it with. The engine asks it on every start (REST {@code /start}, {@code submit-form},
 * the Java API), so that a refusal is a clear 400 and nothing is started; its {@code notify}
 * enforces the same rules inside the start.
 */
public interface StartCheck extends ExecutionListener {

  /** @return the problems in Vietnamese; empty when the process may start with these values */
  List<String> problems(Map<String, Object> variables);

  /**
   * Writes, just before the process starts and in the same transaction, the record its start reads
   * (the timers the engine arms as the instance starts read the campaign's deadlines from it), and
   * returns the business key the instance starts with; {@code null} for a process that has none.
   * Called after {@link #problems} found none.
   */
  default String record(Map<String, Object> variables, String startedBy) {
    return null;
  }
}
