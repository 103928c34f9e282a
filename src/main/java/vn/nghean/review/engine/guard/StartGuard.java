package vn.nghean.review.engine.guard;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.ws.rs.core.Response.Status;
import vn.nghean.review.engine.InvalidInputException;

/**
 * Judges a process start before it begins, on every path: a start form's submission, REST
 * {@code /start} and the Java API. A refusal is thrown before any command runs, so nothing is
 * started and the engine logs no error; it is the REST layer's own 400 type, because {@code /start}
 * answers any engine exception with 500.
 */
final class StartGuard {

  private static final Logger LOG = LoggerFactory.getLogger(StartGuard.class);

  private final SubmissionChecks checks;
  private final Supplier<Authentication> currentUser;
  private final Supplier<PlatformTransactionManager> transactions;

  StartGuard(SubmissionChecks checks, Supplier<Authentication> currentUser,
      Supplier<PlatformTransactionManager> transactions) {
    this.checks = checks;
    this.currentUser = currentUser;
    this.transactions = transactions;
  }

  /**
   * Writes the records the start's checks keep, then starts the instance with the business key they
   * give ({@code start} receives it; {@code null}: none), in one transaction: a start that fails leaves
   * no record, and no timer the start arms reads a record that is not there yet.
   */
  <T> T recordedThenStarted(CommandExecutor executor, String definitionId, String definitionKey,
      Map<String, ?> variables, Function<String, T> start) {
    Authentication caller = currentUser.get();
    String startedBy = caller == null ? null : caller.getUserId();
    Supplier<T> work = () -> start.apply(executor.execute(context -> {
      var cache = context.getProcessEngineConfiguration().getDeploymentCache();
      ProcessDefinitionEntity definition = definitionId != null ? cache.findDeployedProcessDefinitionById(definitionId)
          : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
      return checks.recordStart(definition, variables, startedBy);
    }));
    PlatformTransactionManager manager = transactions.get();
    return manager == null ? work.get() : new TransactionTemplate(manager).execute(status -> work.get());
  }

  /** Refuses a person who is not an administrator; the application itself (no user) may. */
  void requireAdministrator(String what) {
    Authentication caller = currentUser.get();
    if (caller != null && !Administrators.includes(caller)) {
      throw new AuthorizationException("Chỉ quản trị viên được thực hiện thao tác này (" + what + ")");
    }
  }

  /** The problems of starting the definition with these values; empty when it may start. */
  List<String> problems(CommandExecutor executor, String definitionId, String definitionKey, Map<String, ?> variables) {
    return executor.execute(context -> {
      var cache = context.getProcessEngineConfiguration().getDeploymentCache();
      ProcessDefinitionEntity definition = definitionId != null ? cache.findDeployedProcessDefinitionById(definitionId)
          : cache.findDeployedLatestProcessDefinitionByKey(definitionKey);
      // Who may not start the process learns nothing of its rules.
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkCreateProcessInstance(definition);
      }
      return checks.ofStart(definition, variables);
    });
  }

  /** Refuses a bad start as the REST layer's own 400 (for {@code /start}), the reasons as its cause. */
  void require(CommandExecutor executor, String definitionId, String definitionKey, Map<String, ?> variables) {
    List<String> problems = problems(executor, definitionId, definitionKey, variables);
    if (!problems.isEmpty()) {
      InvalidInputException reasons = new InvalidInputException(problems);
      LOG.warn("Refused start of {}: {}", definitionId != null ? definitionId : definitionKey, reasons.getMessage());
      throw new RefusedStart(reasons);
    }
  }

  /** A refused start: 400 with the Vietnamese reasons on {@code /engine-rest}, the reasons to Java callers. */
  static final class RefusedStart extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    RefusedStart(InvalidInputException reasons) {
      super(Status.BAD_REQUEST, reasons, reasons.getMessage());
    }
  }
}
