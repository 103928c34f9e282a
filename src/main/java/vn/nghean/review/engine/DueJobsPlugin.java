package vn.nghean.review.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor finds the jobs that are due through an index, instead of reading every job.
 *
 * <p>Why: every unit keeps five timers armed for weeks (two reminders, its deadline, the escalation
 * cycle, the synthesis cut-off), so a national campaign holds about 500,000 jobs, nearly all of them
 * due weeks ahead. Camunda's acquisition asks for jobs whose due date is null or past; the engine's
 * schema has no index on the due date and the {@code is null or} would defeat one, so every
 * acquisition (each second, and after each batch of 16 jobs) read the whole table: 180 ms of scanning
 * plus 480 ms of PostgreSQL compiling the query at 100,000 units, one core kept busy by an idle
 * executor and 16 jobs per 0.7 s at a deadline (docs/performance.md, "100,000 units"). Now every job
 * gets a due date when it is created (Camunda's {@code ensureJobDueDateNotNull}: an asynchronous
 * continuation is due at once), the acquisition asks for the oldest due jobs first
 * ({@code jobExecutorAcquireByDueDate}) and {@code ACT_IDX_JOB_DUEDATE} answers it.
 *
 * <p>At start this creates the index where it is missing and gives a due date (its creation time) to
 * the jobs an earlier version left without one, which the acquisition would otherwise never find (the
 * nodes of a cluster are upgraded together: a node of an earlier version would go on leaving them).
 */
@Component
public class DueJobsPlugin extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(DueJobsPlugin.class);

  static final String INDEX = "ACT_IDX_JOB_DUEDATE";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineSchema.run(processEngine, "prepare the job table for acquisition by due date", statement -> {
      EngineSchema.createIndex(statement, INDEX, "ACT_RU_JOB", "DUEDATE_");
      int dated = statement.executeUpdate("update ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_, current_timestamp)"
          + " where DUEDATE_ is null and LOCK_OWNER_ is null");
      if (dated > 0) {
        LOG.info("{} jobs of an earlier version given their creation time as due date", dated);
      }
    });
  }
}
