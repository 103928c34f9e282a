package vn.nghean.review.engine;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * Every process start ({@code startProcessInstanceBy...} and REST {@code /start} both build one) is
 * judged by {@link StartGuard} before it runs.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

  private final StartGuard starts;

  GuardedRuntimeService(StartGuard starts) {
    this.starts = starts;
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
      if (modificationBuilder.getModificationOperations().isEmpty()) {
        starts.require(commandExecutor, processDefinitionId, processDefinitionKey, getVariables());
      } else {
        // Starting after the start event would skip its checks (and the campaign's record with them).
        starts.requireAdministrator("start at chosen activities");
      }
      return super.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
    }
  }
}
