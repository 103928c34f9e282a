package vn.nghean.review.engine.guard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;


/**
 * Judges a submission inside the engine's command, before anything is stored: first that it sets
 * only what the step's form declares, each of its kind; then the rules of the step's
 * {@link TaskCheck} complete listeners (or {@link StartCheck} start listeners). Called on every
 * completion and start path ({@code complete}, {@code submit-form}, {@code /start}, the Java API).
 */
final class SubmissionChecks {

  private final DeclaredForms forms;

  SubmissionChecks(DeclaredForms forms) {
    this.forms = forms;
  }

  /** The problems of completing the task with these values; empty when it may complete. */
  List<String> ofCompletion(DelegateTask task, Map<String, ?> submitted) {
    UserTask element = task.getBpmnModelElementInstance();
    List<String> problems = new ArrayList<>(element == null ? List.of() : forms.problems(element, submitted));
    if (!problems.isEmpty()) {
      return problems;
    }
    Map<String, Object> values = new HashMap<>(task.getVariables());
    if (submitted != null) {
      values.putAll(submitted);
    }
    for (TaskCheck check : taskChecks(task)) {
      problems.addAll(check.problems(task, values));
    }
    return problems;
  }

  /** The problems of starting the process with these values; empty when it may start. */
  List<String> ofStart(ProcessDefinitionEntity definition, Map<String, ?> variables) {
    ActivityImpl initial = definition.getInitial();
    BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(definition);
    StartEvent start = model.getModelElementById(initial.getId());
    if (start == null || (start.getCamundaFormRef() == null && start.getCamundaFormKey() == null)) {
      return List.of(); // started by the application, never by a person with values of their own
    }
    List<String> problems = new ArrayList<>(forms.problems(start, variables));
    if (!problems.isEmpty()) {
      return problems;
    }
    Map<String, Object> values = variables == null ? Map.of() : new HashMap<>(variables);
    for (DelegateListener<? extends BaseDelegateExecution> listener : initial.getListeners(ExecutionListener.EVENTNAME_START)) {
      if (listener instanceof DelegateExpressionExecutionListener expression
          && bean(expression.getExpressionText()) instanceof StartCheck check) {
        problems.addAll(check.problems(values));
      }
    }
    return problems;
  }

  /**
   * Writes the records the start's checks keep ({@link StartCheck#record}) and returns the business key
   * they give the instance; {@code null} when none does.
   */
  String recordStart(ProcessDefinitionEntity definition, Map<String, ?> variables, String startedBy) {
    String businessKey = null;
    Map<String, Object> values = variables == null ? Map.of() : new HashMap<>(variables);
    for (DelegateListener<? extends BaseDelegateExecution> listener
        : definition.getInitial().getListeners(ExecutionListener.EVENTNAME_START)) {
      if (listener instanceof DelegateExpressionExecutionListener expression
          && bean(expression.getExpressionText()) instanceof StartCheck check) {
        String key = check.record(values, startedBy);
        businessKey = businessKey == null ? key : businessKey;
      }
    }
    return businessKey;
  }

  /** The task's complete listeners that are checks. */
  static List<TaskCheck> taskChecks(DelegateTask task) {
    TaskDefinition definition = ((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task).getTaskDefinition();
    List<TaskCheck> checks = new ArrayList<>();
    if (definition == null) {
      return checks;
    }
    for (TaskListener listener : definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE)) {
      if (listener instanceof DelegateExpressionTaskListener expression
          && bean(expression.getExpressionText()) instanceof TaskCheck check) {
        checks.add(check);
      }
    }
    return checks;
  }

  /** The bean a {@code ${name}} delegate expression names. */
  private static Object bean(String expression) {
    return Context.getProcessEngineConfiguration().getExpressionManager().createExpression(expression)
        .getValue(StartProcessVariableScope.getSharedInstance());
  }
}
