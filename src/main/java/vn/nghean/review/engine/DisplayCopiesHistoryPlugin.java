package vn.nghean.review.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;

/**
 * A unit's display copies ({@link UnitReviewProcess.Var#DISPLAY_COPIES}) live in the runtime only,
 * where Cockpit shows them on the running instance; the history keeps none of them.
 *
 * <p>Why: with full history, each variable the engine writes is also written to the history: its
 * current value in {@code ACT_HI_VARINST} (inserted once, then read and rewritten at each change,
 * two statements) and a row of {@code ACT_HI_DETAIL} per change. A unit's display copies (its name,
 * status, deadlines, round, overdue flag, escalation level and latest deadline event) are copies of
 * the application's own record, which keeps every change with who and when (the unit's status and
 * its deadline records, read by the progress view and the record's API); Cockpit's community edition
 * has no history views, so no screen read those rows. They were eleven inserts per unit at the start
 * and six of the thirty statements of a deadline's step (docs/performance.md). Everything else keeps
 * its full history: what people submit in forms, the campaign's variables, and any variable of
 * another name.
 *
 * <p>The history level stays {@code full} (the level is stored in the database); only the engine's
 * history handler changes: Camunda's own database handler with the display copies' variable events
 * left out. A database from before keeps history rows of display copies that would no longer follow
 * their variable; {@link #forgetCopiesKeptBefore} deletes them at start.
 */
@Component
public class DisplayCopiesHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DisplayCopiesHistoryPlugin.class);

  private final JdbcTemplate jdbc;

  public DisplayCopiesHistoryPlugin(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getHistoryEventHandler() != null) {
      throw new IllegalStateException("The engine's history handler is already set ("
          + configuration.getHistoryEventHandler() + "); DisplayCopiesHistoryPlugin replaces the database's handler");
    }
    List<HistoryEventHandler> handlers = new ArrayList<>();
    handlers.add(new WithoutDisplayCopies(UnitReviewProcess.KEY, UnitReviewProcess.Var.DISPLAY_COPIES));
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    configuration.setCustomHistoryEventHandlers(handlers);
    // Camunda's default database handler would write the same history a second time.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /**
   * Deletes the display copies' history rows that a version before this one wrote (their values
   * stopped following the variables when this version started); none after the first start. Rows
   * whose value is kept in a byte array are left (no display copy is that long).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void forgetCopiesKeptBefore() {
    List<Object> arguments = new ArrayList<>(List.of(UnitReviewProcess.KEY));
    arguments.addAll(UnitReviewProcess.Var.DISPLAY_COPIES);
    int deleted = jdbc.update("delete from ACT_HI_VARINST where PROC_DEF_KEY_ = ? and BYTEARRAY_ID_ is null and NAME_ in ("
        + String.join(", ", Collections.nCopies(UnitReviewProcess.Var.DISPLAY_COPIES.size(), "?")) + ")",
        arguments.toArray());
    if (deleted > 0) {
      LOG.info("History: {} values of units' display copies kept by an earlier version deleted", deleted);
    }
  }

  /** Camunda's database handler, without the variable events of the named variables of one process. */
  static final class WithoutDisplayCopies extends DbHistoryEventHandler {

    private final String processDefinitionKey;
    private final Set<String> variables;

    WithoutDisplayCopies(String processDefinitionKey, Set<String> variables) {
      this.processDefinitionKey = processDefinitionKey;
      this.variables = Set.copyOf(variables);
    }

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (!isDisplayCopy(event)) {
        super.insertHistoricVariableUpdateEntity(event);
      }
    }

    boolean isDisplayCopy(HistoricVariableUpdateEventEntity event) {
      return processDefinitionKey.equals(event.getProcessDefinitionKey()) && variables.contains(event.getVariableName());
    }
  }
}
