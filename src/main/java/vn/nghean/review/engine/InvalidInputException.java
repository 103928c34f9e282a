package vn.nghean.review.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input a user gave that the process refuses, with the Vietnamese message they see. Extends the
 * engine's form validation exception so that {@code /engine-rest} and Tasklist answer 400 with this
 * message, and the step that received it rolls back whole.
 */
public class InvalidInputException extends FormFieldValidationException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super("input", "Dữ liệu chưa hợp lệ: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  public List<String> problems() {
    return problems;
  }

  /** Throws when any problem was found. */
  public static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
