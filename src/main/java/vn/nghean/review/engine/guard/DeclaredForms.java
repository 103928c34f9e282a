package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * What each step's form declares, as the guard needs it: the problems of values submitted to the
 * form of a user task or start event (a variable the form does not have, or a value not of its
 * field's kind). Implemented by the forms ({@code form.FormDeclarations}).
 */
public interface DeclaredForms {

  /** @return the problems in Vietnamese, one per variable; empty when the element has no form */
  List<String> problems(BaseElement element, Map<String, ?> submitted);
}
