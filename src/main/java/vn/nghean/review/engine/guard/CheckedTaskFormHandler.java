package vn.nghean.review.engine.guard;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

import vn.nghean.review.engine.InvalidInputException;

/**
 * Wraps a user task's form handler: before submitted values are stored, {@link SubmissionChecks}
 * judges them, and a refusal changes nothing. The engine wraps exceptions of task listeners, but
 * not of form handlers, so this is where a submission that got past the check before the command
 * (a race) still gets its clear 400 answer.
 */
class CheckedTaskFormHandler implements TaskFormHandler {

  private final TaskFormHandler delegate;
  private final SubmissionChecks checks;

  CheckedTaskFormHandler(TaskFormHandler delegate, SubmissionChecks checks) {
    this.delegate = delegate;
    this.checks = checks;
  }

  @Override
  public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
      ProcessDefinitionEntity processDefinition, BpmnParse bpmnParse) {
    delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
  }

  @Override
  public TaskFormData createTaskForm(TaskEntity task) {
    return delegate.createTaskForm(task);
  }

  @Override
  public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
    if (variableScope instanceof DelegateTask task) {
      InvalidInputException.throwIfAny(checks.ofCompletion(task, properties));
    }
    delegate.submitFormVariables(properties, variableScope);
  }
}
