package vn.nghean.review.engine;

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
}
