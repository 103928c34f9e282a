package vn.nghean.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;

/**
 * The history keeps the latest value of a unit's display copies ({@link UnitReviewProcess.Var#DISPLAY_COPIES}),
 * not a detail row for each time the application rewrote them.
 *
 * <p>Why: with full history, each variable the engine writes is also a row of {@code ACT_HI_DETAIL},
 * a table of a dozen indexes, besides its current value in {@code ACT_HI_VARINST}. A unit's display
 * copies (its name, status, deadlines, round, overdue flag, escalation level and latest deadline
 * event) are written by the application, about 18 times a unit, and each change is already in the
 * application's own record with who and when (the unit's status, its deadline records): the detail
 * rows were a second log of the same facts. In a deadline burst they were 12 % of PostgreSQL's
 * execution time (docs/performance.md). Everything else keeps its detail rows: what people submit
 * in forms, the campaign's variables, and any variable of another name.
 *
 * <p>The history level stays {@code full} (the level is stored in the database, and Cockpit's
 * history views and the REST API see what they saw, less those rows); only the engine's history
 * handler changes: Camunda's own database handler with one question answered differently.
 */
@Component
public class DisplayCopiesHistoryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventHandler() != null) {
      throw new IllegalStateException("The engine's history handler is already set ("
          + configuration.getHistoryEventHandler() + "); DisplayCopiesHistoryPlugin replaces the database's handler");
    }
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutDisplayCopyDetails(UnitReviewProcess.KEY, UnitReviewProcess.Var.DISPLAY_COPIES));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    // Camunda's default database handler would write the same history a second time.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** Camunda's database handler, without the detail rows of the named variables of one process. */
  static final class WithoutDisplayCopyDetails extends DbHistoryEventHandler {

    private final String processDefinitionKey;
    private final Set<String> variables;

    WithoutDisplayCopyDetails(String processDefinitionKey, Set<String> variables) {
      this.processDefinitionKey = processDefinitionKey;
      this.variables = Set.copyOf(variables);
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return super.shouldWriteHistoricDetail(event) && !isDisplayCopy(event);
    }

    boolean isDisplayCopy(HistoricVariableUpdateEventEntity event) {
      return processDefinitionKey.equals(event.getProcessDefinitionKey()) && variables.contains(event.getVariableName());
    }
  }
}
