package vn.nghean.review.form;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.guard.TaskCheck;

/**
 * Refuses to complete a user task whose Camunda Form values break the form's own rules. Used as the
 * complete listener of every task with a {@code camunda:formRef}.
 */
@Component("validateTaskForm")
class ValidateTaskForm implements TaskCheck {

  private final FormSchemas schemas;

  ValidateTaskForm(FormSchemas schemas) {
    this.schemas = schemas;
  }

  @Override
  public List<String> problems(DelegateTask task, Map<String, Object> values) {
    return schemas.problems(task.getBpmnModelElementInstance().getCamundaFormRef(), values);
  }

  @Override
  public void notify(DelegateTask task) {
    check(task);
  }
}
