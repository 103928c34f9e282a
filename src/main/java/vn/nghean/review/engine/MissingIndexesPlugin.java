package vn.nghean.review.engine;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Indexes that the engine's own statements need and its schema does not have, created at start where
 * missing (on PostgreSQL and on the H2 file alike). Each was found in PostgreSQL's statistics of a
 * 10,000-unit run (pg_stat_statements; docs/performance.md, "The engine's missing indexes"):
 *
 * <ul>
 * <li>{@code ACT_IDX_TASK_PARENT}: every completed or deleted task makes the engine look for its
 * subtasks ({@code where PARENT_TASK_ID_ = ?}), and nothing answered it but reading every open task:
 * 2.9 ms a completion at 10,000 units, 43 % of the database's time while the officers worked. The
 * campaign makes no subtasks: the index holds nulls only.
 * <li>{@code ACT_IDX_JOB_LOCK_EXP}: each acquisition of due jobs leaves out the process instances whose
 * exclusive jobs are running ({@code not exists ... LOCK_OWNER_ is not null and LOCK_EXP_TIME_ >= now}),
 * which PostgreSQL answers by reading the whole job table into a hash: 13.9 ms an acquisition at the
 * 10,000-unit deadline, 57 % of the database's time in the burst, and ten times more at 100,000 units.
 * Through the index it reads the few jobs locked at that moment (0.25 ms). Its price: locking a job
 * now changes an indexed column, so PostgreSQL writes the lock's new row version into every index of
 * the job table instead of beside the old one; measured net, the database's time per unit in the burst
 * fell from 7.16 to 2.39 ms.
 * <li>{@code ACT_IDX_AUTH_USER_ID}: every authorization check of a list (a Tasklist filter's page, its
 * count, the variables shown on its cards) reads the grants of the person or of their groups
 * ({@code USER_ID_ in (?, '*') or GROUP_ID_ in (...)}); the person's side had only the unique key that
 * starts with the grant's type, so PostgreSQL read every grant (110,000 at 10,000 units: 30 to 40 ms,
 * three times for each of PV01's Tasklist requests). With it the two sides are two index lookups.
 * </ul>
 */
@Component
public class MissingIndexesPlugin extends AbstractProcessEnginePlugin {

  /** One index: its name, its table and its column. */
  record Index(String name, String table, String column) {}

  static final Index TASK_PARENT = new Index("ACT_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_");
  static final Index JOB_LOCK_EXPIRY = new Index("ACT_IDX_JOB_LOCK_EXP", "ACT_RU_JOB", "LOCK_EXP_TIME_");
  static final Index AUTHORIZATION_USER = new Index("ACT_IDX_AUTH_USER_ID", "ACT_RU_AUTHORIZATION", "USER_ID_");

  static final List<Index> INDEXES = List.of(TASK_PARENT, JOB_LOCK_EXPIRY, AUTHORIZATION_USER);

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineSchema.run(processEngine, "create the engine's missing indexes", statement -> {
      for (Index index : INDEXES) {
        EngineSchema.createIndex(statement, index.name(), index.table(), index.column());
      }
    });
  }
}
