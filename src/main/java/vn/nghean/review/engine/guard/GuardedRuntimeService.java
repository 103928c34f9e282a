package vn.nghean.review.engine.guard;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.RestartProcessInstanceBuilder;

/**
 * Every process start ({@code startProcessInstanceBy...} and REST {@code /start} both build one) is
 * judged by {@link StartGuard} before it runs. A person starts a process through its start form
 * ({@code FormService}, {@code /submit-form}) only: a start built here, a start at chosen activities
 * and a restart of old instances are an administrator's or the application's own.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

  private final StartGuard starts;

  GuardedRuntimeService(StartGuard starts) {
    this.starts = starts;
  }

  @Override
  public RestartProcessInstanceBuilder restartProcessInstances(String processDefinitionId) {
    starts.requireAdministrator("restart of process instances");
    return super.restartProcessInstances(processDefinitionId);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new GuardedStart(commandExecutor, starts, processDefinitionId, null);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new GuardedStart(commandExecutor, starts, null, processDefinitionKey);
  }

  private static final class GuardedStart extends ProcessInstantiationBuilderImpl {

    private final StartGuard starts;

    GuardedStart(CommandExecutor commandExecutor, StartGuard starts, String definitionId, String definitionKey) {
      super(commandExecutor);
      this.starts = starts;
      this.processDefinitionId = definitionId;
      this.processDefinitionKey = definitionKey;
    }

    @Override
    public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners,
        boolean skipIoMappings) {
      // A person's start is the start form's; starting after the start event would also skip its
      // checks (and the campaign's record with them).
      starts.requireAdministrator(modificationBuilder.getModificationOperations().isEmpty()
          ? "start other than through the start form" : "start at chosen activities");
      if (!modificationBuilder.getModificationOperations().isEmpty()) {
        return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
      }
      starts.require(commandExecutor, processDefinitionId, processDefinitionKey, getVariables());
      return starts.recordedThenStarted(commandExecutor, processDefinitionId, processDefinitionKey, getVariables(),
          key -> {
            if (key != null) {
              businessKey(key);
            }
            return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
          });
    }
  }
}
