package vn.nghean.review.form;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to complete a user task whose Camunda Form values break the form's own rules. Used as the
 * complete listener of every task with a {@code camunda:formRef}.
 */
@Component("validateTaskForm")
public class ValidateTaskForm implements TaskListener {

  private final FormSchemas schemas;

  public ValidateTaskForm(FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public void notify(DelegateTask task) {
    String formId = task.getBpmnModelElementInstance().getCamundaFormRef();
    InvalidInputException.throwIfAny(schemas.problems(formId, task.getVariables()));
  }
}
