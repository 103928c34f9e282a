package vn.nghean.review.engine.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;


/**
 * What a person may do to a process, enforced inside the engine whatever the path (design section
 * 9, docs/security.md): candidates get {@code TASK_WORK} (claim and complete), not {@code UPDATE}
 * (which lets them set any variable); completions, form submissions and starts carry only what the
 * step's form declares and pass its checks before anything is stored.
 */
class SubmissionGuardPlugin extends AbstractProcessEnginePlugin {

  private final DeclaredForms forms;

  SubmissionGuardPlugin(DeclaredForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    SubmissionChecks checks = new SubmissionChecks(forms);
    Supplier<Authentication> currentUser = () -> configuration.getIdentityService().getCurrentAuthentication();
    // The engine's own transaction manager (Spring's), read when a start runs: the record before the start
    // and the start commit together.
    StartGuard starts = new StartGuard(checks, currentUser,
        () -> configuration instanceof org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration spring
            ? spring.getTransactionManager() : null);
    configuration.setTaskService(new GuardedTaskService(checks, currentUser));
    configuration.setFormService(new GuardedFormService(checks, starts));
    configuration.setRuntimeService(new GuardedRuntimeService(starts));

    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.setTaskFormHandler(new CheckedTaskFormHandler(definition.getTaskFormHandler(), checks));
      }
    });
    configuration.setCustomPreBPMNParseListeners(listeners);
  }
}
