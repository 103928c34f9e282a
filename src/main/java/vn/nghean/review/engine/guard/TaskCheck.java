package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import vn.nghean.review.engine.InvalidInputException;

/**
 * A complete listener that can also say, before anything is written, what is wrong with the values
 * a user submits. {@link CheckedTaskFormHandler} asks it on every form submission, so that Tasklist
 * and {@code /engine-rest} answer 400 with its Vietnamese message; its {@code notify} enforces the
 * same rules for completions that bypass the form.
 */
public interface TaskCheck extends TaskListener {

  /**
   * @param values the task's variables with the submitted values laid over them
   * @return the problems in Vietnamese; empty when the values may complete the task
   */
  List<String> problems(DelegateTask task, Map<String, Object> values);

  /** The check alone, for listeners whose only job is to check. */
  default void check(DelegateTask task) {
    InvalidInputException.throwIfAny(problems(task, task.getVariables()));
  }
}
