package vn.nghean.review.shared;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh planner statistics for the tables a campaign's start fills, once its first batch of units is
 * written, and again as the start doubles (PostgreSQL only).
 *
 * <p>PostgreSQL plans a statement it runs again and again once (the engine's statements through the
 * driver's prepared statements, every foreign-key check through the constraint's cached plan), per
 * connection, from the statistics of that moment. Before a first campaign those say "empty", and an
 * empty table is read whole: each of a unit's ~27 inserts that name an execution then read all of
 * {@code ACT_RU_EXECUTION}, and the start grows quadratic until autovacuum's next round analyses the
 * table, whenever that comes (a minute at best, never on a server without autovacuum): 357.8 million rows read
 * in a 3,000-unit start instead of 6.5 million, docs/performance.md. An {@code ANALYZE} of the
 * tables once the first batch has committed makes every connection plan those statements again, on
 * tables that now hold rows. The first batch's 100 units leave small tables, for which reading a few
 * pages whole is still the cheaper plan, so the start analyses them again each time it has doubled
 * (after 100, 200, 400, 800... units: {@link #dueAfterBatch}); by a few hundred units every look-up by
 * key is an index's, and stays right however large the tables grow.
 *
 * <p>It runs after the batch's commit, in a transaction of its own: a failure is logged and loses
 * nothing. Only the tables' owner (or a superuser) may analyse them; a table the application's
 * database user does not own is left out, with a warning naming it.
 */
@Component
public class PlannerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

  /**
   * The tables a unit's start writes and whose rows its statements look up by key: the engine's
   * runtime tables (the foreign keys of executions, variables, tasks and their links and grants, the
   * job executor's queries), the historic instance, and the application's unit rows.
   */
  public static final List<String> FILLED_BY_A_START = List.of("act_ru_execution", "act_ru_variable",
      "act_ru_task", "act_ru_identitylink", "act_ru_authorization", "act_ru_job", "act_ru_event_subscr",
      "act_hi_procinst", "campaign_unit", "unit_report");

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private volatile Boolean postgres;

  public PlannerStatistics(DataSource dataSource, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Whether the start analyses the tables after its batch {@code batch} (0, 1, ...): after the first,
   * and after each batch that doubles the units started, so that a 10,000-unit start analyses them 7
   * times and a 100,000-unit one 10.
   */
  public static boolean dueAfterBatch(int batch) {
    return batch >= 0 && Integer.bitCount(batch + 1) == 1;
  }

  /**
   * Analyses {@link #FILLED_BY_A_START} once the current transaction commits (at once outside one);
   * nothing on a database other than PostgreSQL, whose planner does not keep such plans.
   */
  public void refreshAfterCommit() {
    if (!postgres()) {
      return;
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          refresh();
        }
      });
    } else {
      refresh();
    }
  }

  /** Analyses the tables of {@link #FILLED_BY_A_START} this database user owns; the names analysed. */
  public List<String> refresh() {
    if (!postgres()) {
      return List.of();
    }
    try {
      return ownTransaction.execute(status -> {
        List<String> owned = jdbc.queryForList("select c.relname from pg_class c where c.relkind in ('r', 'p') "
            + "and c.relname::text = any(?::text[]) and pg_table_is_visible(c.oid) and pg_has_role(c.relowner, 'USAGE') "
            + "order by c.relname", String.class, (Object) FILLED_BY_A_START.toArray(String[]::new));
        List<String> skipped = new ArrayList<>(FILLED_BY_A_START);
        skipped.removeAll(owned);
        if (!skipped.isEmpty()) {
          LOG.warn("Planner statistics: {} not analysed: the database user does not own them (or they are not in "
              + "its search path); a large campaign's start then waits for autovacuum to analyse them", skipped);
        }
        if (!owned.isEmpty()) {
          long began = System.nanoTime();
          jdbc.execute("analyze " + owned.stream().map(name -> '"' + name + '"').collect(Collectors.joining(", ")));
          LOG.info("Planner statistics refreshed for {} tables in {} ms", owned.size(),
              (System.nanoTime() - began) / 1_000_000);
        }
        return owned;
      });
    } catch (DataAccessException e) {
      LOG.warn("Planner statistics not refreshed: {}", e.getMessage());
      return List.of();
    }
  }

  boolean postgres() {
    if (postgres == null) {
      try {
        postgres = "PostgreSQL".equals(
            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
      } catch (MetaDataAccessException e) {
        LOG.warn("Planner statistics: the database's name could not be read: {}", e.getMessage());
        return false;
      }
    }
    return postgres;
  }
}
