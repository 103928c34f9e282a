package vn.nghean.review.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Wraps a user task's form handler: before submitted values are stored, the task's complete
 * listeners that are {@link TaskCheck}s judge them, and a refusal changes nothing. The engine wraps
 * exceptions of task listeners, but not of form handlers, so this is where a submission gets its
 * clear 400 answer.
 */
class CheckedTaskFormHandler implements TaskFormHandler {

  private final TaskFormHandler delegate;
  private final TaskDefinition taskDefinition;

  CheckedTaskFormHandler(TaskFormHandler delegate, TaskDefinition taskDefinition) {
    this.delegate = delegate;
    this.taskDefinition = taskDefinition;
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
      Map<String, Object> values = new HashMap<>(task.getVariables());
      values.putAll(properties);
      List<String> problems = new ArrayList<>();
      for (TaskCheck check : checks(task)) {
        problems.addAll(check.problems(task, values));
      }
      InvalidInputException.throwIfAny(problems);
    }
    delegate.submitFormVariables(properties, variableScope);
  }

  private List<TaskCheck> checks(DelegateTask task) {
    List<TaskCheck> checks = new ArrayList<>();
    for (TaskListener listener : taskDefinition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)) {
      if (listener instanceof DelegateExpressionTaskListener expression) {
        Object bean = Context.getProcessEngineConfiguration().getExpressionManager()
            .createExpression(expression.getExpressionText()).getValue(task);
        if (bean instanceof TaskCheck check) {
          checks.add(check);
        }
      }
    }
    return checks;
  }
}
